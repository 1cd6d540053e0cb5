# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'fillin_export_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_FillinExportDialog(object):
    def setupUi(self, FillinExportDialog):
        if not FillinExportDialog.objectName():
            FillinExportDialog.setObjectName(u"FillinExportDialog")
        FillinExportDialog.resize(760, 640)
        self.layout = QVBoxLayout(FillinExportDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.plan_label = QLabel(FillinExportDialog)
        self.plan_label.setObjectName(u"plan_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.plan_label)

        self.plan_combo = QComboBox(FillinExportDialog)
        self.plan_combo.setObjectName(u"plan_combo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.plan_combo)

        self.period_label = QLabel(FillinExportDialog)
        self.period_label.setObjectName(u"period_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.period_label)

        self.period_row = QHBoxLayout()
        self.period_row.setObjectName(u"period_row")
        self.period_combo = QComboBox(FillinExportDialog)
        self.period_combo.setObjectName(u"period_combo")
        self.period_combo.setEditable(True)
        self.period_combo.setMinimumContentsLength(14)

        self.period_row.addWidget(self.period_combo)

        self.period_note = QLabel(FillinExportDialog)
        self.period_note.setObjectName(u"period_note")

        self.period_row.addWidget(self.period_note)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.period_row)

        self.due_row = QHBoxLayout()
        self.due_row.setObjectName(u"due_row")
        self.due_box = QCheckBox(FillinExportDialog)
        self.due_box.setObjectName(u"due_box")

        self.due_row.addWidget(self.due_box)

        self.due_edit = QDateEdit(FillinExportDialog)
        self.due_edit.setObjectName(u"due_edit")
        self.due_edit.setEnabled(False)
        self.due_edit.setCalendarPopup(True)

        self.due_row.addWidget(self.due_edit)

        self.due_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.due_row.addItem(self.due_spacer)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.due_row)

        self.folder_label = QLabel(FillinExportDialog)
        self.folder_label.setObjectName(u"folder_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.folder_label)

        self.folder_row = QHBoxLayout()
        self.folder_row.setObjectName(u"folder_row")
        self.folder_edit = QLineEdit(FillinExportDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_row.addWidget(self.folder_edit)

        self.browse_button = QPushButton(FillinExportDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.folder_row.addWidget(self.browse_button)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.folder_row)


        self.layout.addLayout(self.form)

        self.view_box = QCheckBox(FillinExportDialog)
        self.view_box.setObjectName(u"view_box")

        self.layout.addWidget(self.view_box)

        self.units_label = QLabel(FillinExportDialog)
        self.units_label.setObjectName(u"units_label")

        self.layout.addWidget(self.units_label)

        self.select_row = QHBoxLayout()
        self.select_row.setObjectName(u"select_row")
        self.select_all = QPushButton(FillinExportDialog)
        self.select_all.setObjectName(u"select_all")

        self.select_row.addWidget(self.select_all)

        self.select_sections = QPushButton(FillinExportDialog)
        self.select_sections.setObjectName(u"select_sections")

        self.select_row.addWidget(self.select_sections)

        self.select_schools = QPushButton(FillinExportDialog)
        self.select_schools.setObjectName(u"select_schools")

        self.select_row.addWidget(self.select_schools)

        self.select_none = QPushButton(FillinExportDialog)
        self.select_none.setObjectName(u"select_none")

        self.select_row.addWidget(self.select_none)

        self.select_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.select_row.addItem(self.select_spacer)


        self.layout.addLayout(self.select_row)

        self.units_tree = QTreeWidget(FillinExportDialog)
        self.units_tree.setObjectName(u"units_tree")

        self.layout.addWidget(self.units_tree)

        self.per_unit_box = QCheckBox(FillinExportDialog)
        self.per_unit_box.setObjectName(u"per_unit_box")
        self.per_unit_box.setChecked(True)

        self.layout.addWidget(self.per_unit_box)

        self.combined_box = QCheckBox(FillinExportDialog)
        self.combined_box.setObjectName(u"combined_box")

        self.layout.addWidget(self.combined_box)

        self.zip_box = QCheckBox(FillinExportDialog)
        self.zip_box.setObjectName(u"zip_box")

        self.layout.addWidget(self.zip_box)

        self.summary = QLabel(FillinExportDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.layout.addWidget(self.summary)

        self.result_row = QHBoxLayout()
        self.result_row.setObjectName(u"result_row")
        self.result_label = QLabel(FillinExportDialog)
        self.result_label.setObjectName(u"result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.result_row.addWidget(self.result_label)

        self.open_folder_button = QPushButton(FillinExportDialog)
        self.open_folder_button.setObjectName(u"open_folder_button")

        self.result_row.addWidget(self.open_folder_button)


        self.layout.addLayout(self.result_row)

        self.buttons = QDialogButtonBox(FillinExportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(FillinExportDialog)
        self.buttons.rejected.connect(FillinExportDialog.reject)
        self.due_box.toggled.connect(self.due_edit.setEnabled)
        self.per_unit_box.toggled.connect(self.zip_box.setEnabled)

        QMetaObject.connectSlotsByName(FillinExportDialog)
    # setupUi

    def retranslateUi(self, FillinExportDialog):
        FillinExportDialog.setWindowTitle(QCoreApplication.translate("FillinExportDialog", u"\u5bfc\u51fa\u586b\u62a5\u8868", None))
        self.plan_label.setText(QCoreApplication.translate("FillinExportDialog", u"\u8ba1\u5212\uff1a", None))
        self.period_label.setText(QCoreApplication.translate("FillinExportDialog", u"\u62a5\u9001\u5468\u671f\uff1a", None))
        self.period_note.setText("")
        self.due_box.setText(QCoreApplication.translate("FillinExportDialog", u"\u8bf7\u4e8e\u6b64\u65e5\u671f\u524d\u62a5\u9001\uff1a", None))
        self.due_edit.setDisplayFormat(QCoreApplication.translate("FillinExportDialog", u"yyyy-MM-dd", None))
        self.folder_label.setText(QCoreApplication.translate("FillinExportDialog", u"\u4fdd\u5b58\u5230\uff1a", None))
        self.browse_button.setText(QCoreApplication.translate("FillinExportDialog", u"\u6d4f\u89c8\u2026", None))
        self.view_box.setText("")
        self.units_label.setText(QCoreApplication.translate("FillinExportDialog", u"\u53d1\u7ed9\u54ea\u4e9b\u5355\u4f4d\uff1a", None))
        self.select_all.setText(QCoreApplication.translate("FillinExportDialog", u"\u5168\u9009", None))
        self.select_sections.setText(QCoreApplication.translate("FillinExportDialog", u"\u53ea\u9009\u80a1\u5ba4", None))
        self.select_schools.setText(QCoreApplication.translate("FillinExportDialog", u"\u53ea\u9009\u5b66\u6821", None))
        self.select_none.setText(QCoreApplication.translate("FillinExportDialog", u"\u5168\u4e0d\u9009", None))
        ___qtreewidgetitem = self.units_tree.headerItem()
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("FillinExportDialog", u"\u4efb\u52a1\u6570", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("FillinExportDialog", u"\u5355\u4f4d", None))
        self.per_unit_box.setText(QCoreApplication.translate("FillinExportDialog", u"\u6bcf\u4e2a\u5355\u4f4d\u4e00\u4e2a\u6587\u4ef6", None))
        self.combined_box.setText(QCoreApplication.translate("FillinExportDialog", u"\u53e6\u5916\u751f\u6210\u4e00\u4e2a\u5408\u5e76\u5de5\u4f5c\u7c3f\uff08\u6bcf\u4e2a\u5355\u4f4d\u4e00\u5f20\u5de5\u4f5c\u8868\uff09", None))
        self.zip_box.setText(QCoreApplication.translate("FillinExportDialog", u"\u628a\u5404\u5355\u4f4d\u7684\u6587\u4ef6\u6253\u5305\u4e3a\u4e00\u4e2a .zip\uff08\u4fbf\u4e8e\u53d1\u90ae\u4ef6\uff09", None))
        self.open_folder_button.setText(QCoreApplication.translate("FillinExportDialog", u"\u6253\u5f00\u6587\u4ef6\u5939", None))
    # retranslateUi

