# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QDialog, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_ReportDialog(object):
    def setupUi(self, ReportDialog):
        if not ReportDialog.objectName():
            ReportDialog.setObjectName(u"ReportDialog")
        ReportDialog.resize(640, 560)
        self.layout = QVBoxLayout(ReportDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.kind_label = QLabel(ReportDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_box = QComboBox(ReportDialog)
        self.kind_box.setObjectName(u"kind_box")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_box)

        self.scope_label = QLabel(ReportDialog)
        self.scope_label.setObjectName(u"scope_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.scope_label)

        self.scope = QHBoxLayout()
        self.scope.setObjectName(u"scope")
        self.scope_view = QRadioButton(ReportDialog)
        self.scope_view.setObjectName(u"scope_view")

        self.scope.addWidget(self.scope_view)

        self.scope_all = QRadioButton(ReportDialog)
        self.scope_all.setObjectName(u"scope_all")

        self.scope.addWidget(self.scope_all)

        self.scope_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scope.addItem(self.scope_spacer)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.scope)

        self.as_of_label = QLabel(ReportDialog)
        self.as_of_label.setObjectName(u"as_of_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.as_of_label)

        self.as_of = QDateEdit(ReportDialog)
        self.as_of.setObjectName(u"as_of")
        self.as_of.setCalendarPopup(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.as_of)


        self.layout.addLayout(self.form)

        self.bulletin_box = QGroupBox(ReportDialog)
        self.bulletin_box.setObjectName(u"bulletin_box")
        self.bulletin_form = QFormLayout(self.bulletin_box)
        self.bulletin_form.setObjectName(u"bulletin_form")
        self.series_label = QLabel(self.bulletin_box)
        self.series_label.setObjectName(u"series_label")

        self.bulletin_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.series_label)

        self.series = QLineEdit(self.bulletin_box)
        self.series.setObjectName(u"series")

        self.bulletin_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.series)

        self.issue_label = QLabel(self.bulletin_box)
        self.issue_label.setObjectName(u"issue_label")

        self.bulletin_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issue_label)

        self.issue = QSpinBox(self.bulletin_box)
        self.issue.setObjectName(u"issue")
        self.issue.setMinimum(1)
        self.issue.setMaximum(9999)

        self.bulletin_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issue)

        self.office_label = QLabel(self.bulletin_box)
        self.office_label.setObjectName(u"office_label")

        self.bulletin_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.office_label)

        self.office = QLineEdit(self.bulletin_box)
        self.office.setObjectName(u"office")

        self.bulletin_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.office)

        self.bulletin_date_label = QLabel(self.bulletin_box)
        self.bulletin_date_label.setObjectName(u"bulletin_date_label")

        self.bulletin_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.bulletin_date_label)

        self.bulletin_date = QDateEdit(self.bulletin_box)
        self.bulletin_date.setObjectName(u"bulletin_date")
        self.bulletin_date.setCalendarPopup(True)

        self.bulletin_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.bulletin_date)

        self.addressee_label = QLabel(self.bulletin_box)
        self.addressee_label.setObjectName(u"addressee_label")

        self.bulletin_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.addressee_label)

        self.addressee = QLineEdit(self.bulletin_box)
        self.addressee.setObjectName(u"addressee")

        self.bulletin_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.addressee)

        self.requirements_label = QLabel(self.bulletin_box)
        self.requirements_label.setObjectName(u"requirements_label")

        self.bulletin_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.requirements_label)

        self.requirements = QPlainTextEdit(self.bulletin_box)
        self.requirements.setObjectName(u"requirements")
        self.requirements.setMinimumSize(QSize(0, 90))

        self.bulletin_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.requirements)

        self.with_assessment = QCheckBox(self.bulletin_box)
        self.with_assessment.setObjectName(u"with_assessment")

        self.bulletin_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.with_assessment)


        self.layout.addWidget(self.bulletin_box)

        self.status = QLabel(ReportDialog)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.layout.addWidget(self.status)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.preview_button = QPushButton(ReportDialog)
        self.preview_button.setObjectName(u"preview_button")

        self.buttons.addWidget(self.preview_button)

        self.print_button = QPushButton(ReportDialog)
        self.print_button.setObjectName(u"print_button")

        self.buttons.addWidget(self.print_button)

        self.pdf_button = QPushButton(ReportDialog)
        self.pdf_button.setObjectName(u"pdf_button")

        self.buttons.addWidget(self.pdf_button)

        self.xlsx_button = QPushButton(ReportDialog)
        self.xlsx_button.setObjectName(u"xlsx_button")

        self.buttons.addWidget(self.xlsx_button)

        self.docx_button = QPushButton(ReportDialog)
        self.docx_button.setObjectName(u"docx_button")

        self.buttons.addWidget(self.docx_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)

        self.close_button = QPushButton(ReportDialog)
        self.close_button.setObjectName(u"close_button")

        self.buttons.addWidget(self.close_button)


        self.layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind_box)
        self.as_of_label.setBuddy(self.as_of)
        self.series_label.setBuddy(self.series)
        self.issue_label.setBuddy(self.issue)
        self.office_label.setBuddy(self.office)
        self.bulletin_date_label.setBuddy(self.bulletin_date)
        self.addressee_label.setBuddy(self.addressee)
        self.requirements_label.setBuddy(self.requirements)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind_box, self.scope_view)
        QWidget.setTabOrder(self.scope_view, self.scope_all)
        QWidget.setTabOrder(self.scope_all, self.as_of)
        QWidget.setTabOrder(self.as_of, self.series)
        QWidget.setTabOrder(self.series, self.issue)
        QWidget.setTabOrder(self.issue, self.office)
        QWidget.setTabOrder(self.office, self.bulletin_date)
        QWidget.setTabOrder(self.bulletin_date, self.addressee)
        QWidget.setTabOrder(self.addressee, self.requirements)
        QWidget.setTabOrder(self.requirements, self.preview_button)

        self.retranslateUi(ReportDialog)
        self.close_button.clicked.connect(ReportDialog.reject)

        QMetaObject.connectSlotsByName(ReportDialog)
    # setupUi

    def retranslateUi(self, ReportDialog):
        ReportDialog.setWindowTitle(QCoreApplication.translate("ReportDialog", u"\u6253\u5370 / \u5bfc\u51fa\u62a5\u8868", None))
        self.kind_label.setText(QCoreApplication.translate("ReportDialog", u"\u62a5\u8868\uff1a", None))
        self.scope_label.setText(QCoreApplication.translate("ReportDialog", u"\u8303\u56f4\uff1a", None))
        self.scope_view.setText(QCoreApplication.translate("ReportDialog", u"\u5f53\u524d\u89c6\u56fe", None))
        self.scope_all.setText(QCoreApplication.translate("ReportDialog", u"\u6574\u4e2a\u8ba1\u5212", None))
        self.as_of_label.setText(QCoreApplication.translate("ReportDialog", u"\u7edf\u8ba1\u622a\u81f3\uff1a", None))
        self.as_of.setDisplayFormat(QCoreApplication.translate("ReportDialog", u"yyyy-MM-dd", None))
        self.bulletin_box.setTitle(QCoreApplication.translate("ReportDialog", u"\u7763\u529e\u901a\u62a5", None))
        self.series_label.setText(QCoreApplication.translate("ReportDialog", u"\u520a\u540d\uff1a", None))
        self.issue_label.setText(QCoreApplication.translate("ReportDialog", u"\u671f\u53f7\uff1a\u7b2c", None))
        self.issue.setSuffix(QCoreApplication.translate("ReportDialog", u" \u671f", None))
        self.office_label.setText(QCoreApplication.translate("ReportDialog", u"\u5370\u53d1\u5355\u4f4d\uff1a", None))
        self.bulletin_date_label.setText(QCoreApplication.translate("ReportDialog", u"\u5370\u53d1\u65e5\u671f\uff1a", None))
        self.bulletin_date.setDisplayFormat(QCoreApplication.translate("ReportDialog", u"yyyy-MM-dd", None))
        self.addressee_label.setText(QCoreApplication.translate("ReportDialog", u"\u4e3b\u9001\uff1a", None))
        self.requirements_label.setText(QCoreApplication.translate("ReportDialog", u"\u5de5\u4f5c\u8981\u6c42\uff1a", None))
        self.requirements.setPlaceholderText(QCoreApplication.translate("ReportDialog", u"\u7559\u7a7a\u5219\u4f7f\u7528\u9ed8\u8ba4\u7684\u5de5\u4f5c\u8981\u6c42", None))
        self.with_assessment.setText(QCoreApplication.translate("ReportDialog", u"\u9644\u5355\u4f4d\u8003\u6838\u5f97\u5206\u6392\u540d\uff08\u672c\u5e74\u521d\u81f3\u901a\u62a5\u65e5\uff0c\u6309\u8bc4\u5206\u89c4\u5219\uff09", None))
        self.preview_button.setText(QCoreApplication.translate("ReportDialog", u"\u6253\u5370\u9884\u89c8\u2026", None))
        self.print_button.setText(QCoreApplication.translate("ReportDialog", u"\u6253\u5370\u2026", None))
        self.pdf_button.setText(QCoreApplication.translate("ReportDialog", u"\u5bfc\u51fa PDF\u2026", None))
        self.xlsx_button.setText(QCoreApplication.translate("ReportDialog", u"\u5bfc\u51fa Excel\u2026", None))
        self.docx_button.setText(QCoreApplication.translate("ReportDialog", u"\u5bfc\u51fa Word\u2026", None))
        self.close_button.setText(QCoreApplication.translate("ReportDialog", u"\u5173\u95ed", None))
    # retranslateUi

