# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'slip_issue_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_SlipIssueDialog(object):
    def setupUi(self, SlipIssueDialog):
        if not SlipIssueDialog.objectName():
            SlipIssueDialog.setObjectName(u"SlipIssueDialog")
        SlipIssueDialog.resize(980, 600)
        self.layout = QVBoxLayout(SlipIssueDialog)
        self.layout.setObjectName(u"layout")
        self.summary_label = QLabel(SlipIssueDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.layout.addWidget(self.summary_label)

        self.slip_table = QTableWidget(SlipIssueDialog)
        self.slip_table.setObjectName(u"slip_table")
        self.slip_table.setAlternatingRowColors(True)
        self.slip_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.slip_table.setWordWrap(False)

        self.layout.addWidget(self.slip_table)

        self.contact_warning = QLabel(SlipIssueDialog)
        self.contact_warning.setObjectName(u"contact_warning")
        self.contact_warning.setWordWrap(True)
        self.contact_warning.setStyleSheet(u"color: #a61b1b;")

        self.layout.addWidget(self.contact_warning)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.requirement_label = QLabel(SlipIssueDialog)
        self.requirement_label.setObjectName(u"requirement_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.requirement_label)

        self.common_requirement = QLineEdit(SlipIssueDialog)
        self.common_requirement.setObjectName(u"common_requirement")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.common_requirement)

        self.format_label = QLabel(SlipIssueDialog)
        self.format_label.setObjectName(u"format_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.format_label)

        self.format_row = QHBoxLayout()
        self.format_row.setObjectName(u"format_row")
        self.docx_box = QCheckBox(SlipIssueDialog)
        self.docx_box.setObjectName(u"docx_box")
        self.docx_box.setChecked(True)

        self.format_row.addWidget(self.docx_box)

        self.pdf_box = QCheckBox(SlipIssueDialog)
        self.pdf_box.setObjectName(u"pdf_box")
        self.pdf_box.setChecked(True)

        self.format_row.addWidget(self.pdf_box)

        self.one_pdf_box = QCheckBox(SlipIssueDialog)
        self.one_pdf_box.setObjectName(u"one_pdf_box")
        self.one_pdf_box.setChecked(True)

        self.format_row.addWidget(self.one_pdf_box)

        self.format_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.format_row.addItem(self.format_spacer)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.format_row)

        self.folder_label = QLabel(SlipIssueDialog)
        self.folder_label.setObjectName(u"folder_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.folder_label)

        self.folder_row = QHBoxLayout()
        self.folder_row.setObjectName(u"folder_row")
        self.folder_edit = QLineEdit(SlipIssueDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_row.addWidget(self.folder_edit)

        self.browse_button = QPushButton(SlipIssueDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.folder_row.addWidget(self.browse_button)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.folder_row)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(SlipIssueDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.requirement_label.setBuddy(self.common_requirement)
        self.folder_label.setBuddy(self.folder_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SlipIssueDialog)
        self.buttons.rejected.connect(SlipIssueDialog.reject)

        QMetaObject.connectSlotsByName(SlipIssueDialog)
    # setupUi

    def retranslateUi(self, SlipIssueDialog):
        SlipIssueDialog.setWindowTitle(QCoreApplication.translate("SlipIssueDialog", u"\u53d1\u7763\u529e\u5355", None))
        self.requirement_label.setText(QCoreApplication.translate("SlipIssueDialog", u"\u7edf\u4e00\u7763\u529e\u8981\u6c42\uff1a", None))
        self.common_requirement.setPlaceholderText(QCoreApplication.translate("SlipIssueDialog", u"\u7559\u7a7a\u5219\u6bcf\u4efd\u4f7f\u7528\u8868\u4e2d\u7684\u7763\u529e\u8981\u6c42\uff08\u6309\u7763\u529e\u706f\u9ed8\u8ba4\uff0c\u53ef\u5728\u8868\u4e2d\u9010\u6761\u4fee\u6539\uff09", None))
        self.format_label.setText(QCoreApplication.translate("SlipIssueDialog", u"\u751f\u6210\u6587\u4ef6\uff1a", None))
        self.docx_box.setText(QCoreApplication.translate("SlipIssueDialog", u"Word \u6587\u6863\uff08\u6bcf\u5355\u4f4d\u4e00\u4efd\uff0c\u53ef\u4fee\u6539\uff09", None))
        self.pdf_box.setText(QCoreApplication.translate("SlipIssueDialog", u"PDF", None))
        self.one_pdf_box.setText(QCoreApplication.translate("SlipIssueDialog", u"\u5168\u90e8\u5408\u6210\u4e00\u4e2a PDF\uff0c\u4fbf\u4e8e\u6253\u5370", None))
        self.folder_label.setText(QCoreApplication.translate("SlipIssueDialog", u"\u4fdd\u5b58\u5230\uff1a", None))
        self.browse_button.setText(QCoreApplication.translate("SlipIssueDialog", u"\u6d4f\u89c8\u2026", None))
    # retranslateUi

