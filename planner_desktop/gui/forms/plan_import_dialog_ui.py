# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_import_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QSplitter, QTabWidget, QTableWidgetItem, QTextEdit,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from planner_desktop.gui.unknown_units import UnknownUnitsTable

class Ui_PlanImportDialog(object):
    def setupUi(self, PlanImportDialog):
        if not PlanImportDialog.objectName():
            PlanImportDialog.setObjectName(u"PlanImportDialog")
        PlanImportDialog.resize(1280, 720)
        self.layout = QVBoxLayout(PlanImportDialog)
        self.layout.setObjectName(u"layout")
        self.top = QFormLayout()
        self.top.setObjectName(u"top")
        self.file_caption = QLabel(PlanImportDialog)
        self.file_caption.setObjectName(u"file_caption")

        self.top.setWidget(0, QFormLayout.ItemRole.LabelRole, self.file_caption)

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.file_label = QLabel(PlanImportDialog)
        self.file_label.setObjectName(u"file_label")

        self.file_row.addWidget(self.file_label)

        self.choose_button = QPushButton(PlanImportDialog)
        self.choose_button.setObjectName(u"choose_button")

        self.file_row.addWidget(self.choose_button)

        self.paste_button = QPushButton(PlanImportDialog)
        self.paste_button.setObjectName(u"paste_button")

        self.file_row.addWidget(self.paste_button)

        self.file_row.setStretch(0, 1)

        self.top.setLayout(0, QFormLayout.ItemRole.FieldRole, self.file_row)

        self.title_label = QLabel(PlanImportDialog)
        self.title_label.setObjectName(u"title_label")

        self.top.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.titles = QHBoxLayout()
        self.titles.setObjectName(u"titles")
        self.title_edit = QLineEdit(PlanImportDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.titles.addWidget(self.title_edit)

        self.year_label = QLabel(PlanImportDialog)
        self.year_label.setObjectName(u"year_label")

        self.titles.addWidget(self.year_label)

        self.year_spin = QSpinBox(PlanImportDialog)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.titles.addWidget(self.year_spin)

        self.titles.setStretch(0, 1)

        self.top.setLayout(1, QFormLayout.ItemRole.FieldRole, self.titles)

        self.target_label = QLabel(PlanImportDialog)
        self.target_label.setObjectName(u"target_label")

        self.top.setWidget(2, QFormLayout.ItemRole.LabelRole, self.target_label)

        self.target_combo = QComboBox(PlanImportDialog)
        self.target_combo.setObjectName(u"target_combo")
        self.target_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.target_combo.setMinimumContentsLength(40)

        self.top.setWidget(2, QFormLayout.ItemRole.FieldRole, self.target_combo)


        self.layout.addLayout(self.top)

        self.summary = QLabel(PlanImportDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.layout.addWidget(self.summary)

        self.splitter = QSplitter(PlanImportDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName(u"tabs")
        self.items_page = QWidget()
        self.items_page.setObjectName(u"items_page")
        self.items_layout = QVBoxLayout(self.items_page)
        self.items_layout.setObjectName(u"items_layout")
        self.plan_part_box = QCheckBox(self.items_page)
        self.plan_part_box.setObjectName(u"plan_part_box")

        self.items_layout.addWidget(self.plan_part_box)

        self.tree = QTreeWidget(self.items_page)
        self.tree.setObjectName(u"tree")
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.items_layout.addWidget(self.tree)

        self.buttons_row = QHBoxLayout()
        self.buttons_row.setObjectName(u"buttons_row")
        self.promote_button = QPushButton(self.items_page)
        self.promote_button.setObjectName(u"promote_button")

        self.buttons_row.addWidget(self.promote_button)

        self.demote_button = QPushButton(self.items_page)
        self.demote_button.setObjectName(u"demote_button")

        self.buttons_row.addWidget(self.demote_button)

        self.merge_button = QPushButton(self.items_page)
        self.merge_button.setObjectName(u"merge_button")

        self.buttons_row.addWidget(self.merge_button)

        self.split_button = QPushButton(self.items_page)
        self.split_button.setObjectName(u"split_button")

        self.buttons_row.addWidget(self.split_button)

        self.accept_button = QPushButton(self.items_page)
        self.accept_button.setObjectName(u"accept_button")

        self.buttons_row.addWidget(self.accept_button)

        self.accept_all_button = QPushButton(self.items_page)
        self.accept_all_button.setObjectName(u"accept_all_button")

        self.buttons_row.addWidget(self.accept_all_button)

        self.keywords_button = QPushButton(self.items_page)
        self.keywords_button.setObjectName(u"keywords_button")

        self.buttons_row.addWidget(self.keywords_button)

        self.undo_button = QPushButton(self.items_page)
        self.undo_button.setObjectName(u"undo_button")
        self.undo_button.setEnabled(False)

        self.buttons_row.addWidget(self.undo_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_row.addItem(self.buttons_spacer)


        self.items_layout.addLayout(self.buttons_row)

        self.edit_form = QFormLayout()
        self.edit_form.setObjectName(u"edit_form")
        self.edit_title_label = QLabel(self.items_page)
        self.edit_title_label.setObjectName(u"edit_title_label")

        self.edit_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.edit_title_label)

        self.edit_title = QLineEdit(self.items_page)
        self.edit_title.setObjectName(u"edit_title")

        self.edit_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.edit_title)

        self.edit_lead_label = QLabel(self.items_page)
        self.edit_lead_label.setObjectName(u"edit_lead_label")

        self.edit_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.edit_lead_label)

        self.units_row = QHBoxLayout()
        self.units_row.setObjectName(u"units_row")
        self.edit_lead = QComboBox(self.items_page)
        self.edit_lead.setObjectName(u"edit_lead")
        self.edit_lead.setEditable(True)

        self.units_row.addWidget(self.edit_lead)

        self.edit_support_label = QLabel(self.items_page)
        self.edit_support_label.setObjectName(u"edit_support_label")

        self.units_row.addWidget(self.edit_support_label)

        self.edit_support = QLineEdit(self.items_page)
        self.edit_support.setObjectName(u"edit_support")

        self.units_row.addWidget(self.edit_support)

        self.units_row.setStretch(0, 1)
        self.units_row.setStretch(2, 2)

        self.edit_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.units_row)

        self.edit_deadline_label = QLabel(self.items_page)
        self.edit_deadline_label.setObjectName(u"edit_deadline_label")

        self.edit_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.edit_deadline_label)

        self.deadline_row = QHBoxLayout()
        self.deadline_row.setObjectName(u"deadline_row")
        self.edit_deadline = QLineEdit(self.items_page)
        self.edit_deadline.setObjectName(u"edit_deadline")

        self.deadline_row.addWidget(self.edit_deadline)

        self.apply_button = QPushButton(self.items_page)
        self.apply_button.setObjectName(u"apply_button")

        self.deadline_row.addWidget(self.apply_button)

        self.deadline_row.setStretch(0, 1)

        self.edit_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.deadline_row)


        self.items_layout.addLayout(self.edit_form)

        self.items_layout.setStretch(1, 1)
        self.tabs.addTab(self.items_page, "")
        self.units_page = QWidget()
        self.units_page.setObjectName(u"units_page")
        self.units_layout = QVBoxLayout(self.units_page)
        self.units_layout.setObjectName(u"units_layout")
        self.units_table = UnknownUnitsTable(self.units_page)
        self.units_table.setObjectName(u"units_table")

        self.units_layout.addWidget(self.units_table)

        self.tabs.addTab(self.units_page, "")
        self.splitter.addWidget(self.tabs)
        self.source_splitter = QSplitter(self.splitter)
        self.source_splitter.setObjectName(u"source_splitter")
        self.source_splitter.setOrientation(Qt.Orientation.Vertical)
        self.paragraphs_panel = QWidget(self.source_splitter)
        self.paragraphs_panel.setObjectName(u"paragraphs_panel")
        self.paragraphs_layout = QVBoxLayout(self.paragraphs_panel)
        self.paragraphs_layout.setObjectName(u"paragraphs_layout")
        self.paragraphs_layout.setContentsMargins(0, 0, 0, 0)
        self.paragraphs_row = QHBoxLayout()
        self.paragraphs_row.setObjectName(u"paragraphs_row")
        self.paragraphs_label = QLabel(self.paragraphs_panel)
        self.paragraphs_label.setObjectName(u"paragraphs_label")

        self.paragraphs_row.addWidget(self.paragraphs_label)

        self.split_paragraph_button = QPushButton(self.paragraphs_panel)
        self.split_paragraph_button.setObjectName(u"split_paragraph_button")

        self.paragraphs_row.addWidget(self.split_paragraph_button)

        self.merge_up_button = QPushButton(self.paragraphs_panel)
        self.merge_up_button.setObjectName(u"merge_up_button")

        self.paragraphs_row.addWidget(self.merge_up_button)

        self.paragraphs_row.setStretch(0, 1)

        self.paragraphs_layout.addLayout(self.paragraphs_row)

        self.paragraphs = QTextEdit(self.paragraphs_panel)
        self.paragraphs.setObjectName(u"paragraphs")
        self.paragraphs.setReadOnly(True)
        self.paragraphs.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.paragraphs_layout.addWidget(self.paragraphs)

        self.source_splitter.addWidget(self.paragraphs_panel)
        self.source_panel = QWidget(self.source_splitter)
        self.source_panel.setObjectName(u"source_panel")
        self.source_layout = QVBoxLayout(self.source_panel)
        self.source_layout.setObjectName(u"source_layout")
        self.source_layout.setContentsMargins(0, 0, 0, 0)
        self.source_label = QLabel(self.source_panel)
        self.source_label.setObjectName(u"source_label")

        self.source_layout.addWidget(self.source_label)

        self.source = QPlainTextEdit(self.source_panel)
        self.source.setObjectName(u"source")
        self.source.setReadOnly(True)

        self.source_layout.addWidget(self.source)

        self.source_splitter.addWidget(self.source_panel)
        self.splitter.addWidget(self.source_splitter)

        self.layout.addWidget(self.splitter)

        self.buttons = QDialogButtonBox(PlanImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
        self.year_label.setBuddy(self.year_spin)
        self.target_label.setBuddy(self.target_combo)
        self.edit_title_label.setBuddy(self.edit_title)
        self.edit_lead_label.setBuddy(self.edit_lead)
        self.edit_support_label.setBuddy(self.edit_support)
        self.edit_deadline_label.setBuddy(self.edit_deadline)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanImportDialog)

        QMetaObject.connectSlotsByName(PlanImportDialog)
    # setupUi

    def retranslateUi(self, PlanImportDialog):
        PlanImportDialog.setWindowTitle(QCoreApplication.translate("PlanImportDialog", u"\u5bfc\u5165\u5de5\u4f5c\u8981\u70b9", None))
        self.file_caption.setText(QCoreApplication.translate("PlanImportDialog", u"\u6587\u4ef6\uff1a", None))
        self.file_label.setText(QCoreApplication.translate("PlanImportDialog", u"\u5c1a\u672a\u9009\u62e9\u6587\u4ef6", None))
        self.choose_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u9009\u62e9\u6587\u4ef6\u2026", None))
        self.paste_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u7c98\u8d34\u6587\u672c\u2026", None))
        self.title_label.setText(QCoreApplication.translate("PlanImportDialog", u"\u8ba1\u5212\u6807\u9898\uff1a", None))
        self.year_label.setText(QCoreApplication.translate("PlanImportDialog", u"\u5e74\u5ea6\uff1a", None))
        self.target_label.setText(QCoreApplication.translate("PlanImportDialog", u"\u5bfc\u5165\u5230\uff1a", None))
#if QT_CONFIG(tooltip)
        self.target_combo.setToolTip(QCoreApplication.translate("PlanImportDialog", u"\u4e0e\u8fd9\u4efd\u6587\u4ef6\u540c\u5c5e\u4e00\u4e2a\u8ba1\u5212\u7684\u5df2\u6709\u8ba1\u5212\uff08\u5e74\u5ea6\u548c\u6807\u9898\u76f8\u7b26\uff09\u9ed8\u8ba4\u9009\u4e2d\uff1b\u4e5f\u53ef\u4f5c\u4e3a\u65b0\u8ba1\u5212\u5bfc\u5165", None))
#endif // QT_CONFIG(tooltip)
        ___qtreewidgetitem = self.tree.headerItem()
        ___qtreewidgetitem.setText(6, QCoreApplication.translate("PlanImportDialog", u"\u91cf\u5316\u6307\u6807", None))
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("PlanImportDialog", u"\u5230\u671f\u65e5", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("PlanImportDialog", u"\u5b8c\u6210\u65f6\u9650", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("PlanImportDialog", u"\u914d\u5408", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("PlanImportDialog", u"\u7275\u5934", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("PlanImportDialog", u"\u8981\u70b9", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("PlanImportDialog", u"\u7f16\u53f7", None))
        self.promote_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u2190 \u5347\u4e00\u7ea7", None))
        self.demote_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u964d\u4e00\u7ea7 \u2192", None))
        self.merge_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u4e0e\u4e0b\u4e00\u9879\u5408\u5e76", None))
        self.split_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u5728\u539f\u6587\u5149\u6807\u5904\u62c6\u5206", None))
        self.accept_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u91c7\u7eb3\u5efa\u8bae", None))
        self.accept_all_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u5168\u90e8\u91c7\u7eb3\u5efa\u8bae", None))
        self.keywords_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u5173\u952e\u8bcd\u8868\u2026", None))
#if QT_CONFIG(tooltip)
        self.undo_button.setToolTip(QCoreApplication.translate("PlanImportDialog", u"\u64a4\u9500\u4e0a\u4e00\u6b65\u4fee\u6539\uff08Ctrl+Z\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.undo_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u64a4\u9500", None))
        self.edit_title_label.setText(QCoreApplication.translate("PlanImportDialog", u"\u6807\u9898\uff1a", None))
        self.edit_lead_label.setText(QCoreApplication.translate("PlanImportDialog", u"\u7275\u5934\uff1a", None))
        self.edit_support_label.setText(QCoreApplication.translate("PlanImportDialog", u"\u914d\u5408\uff1a", None))
        self.edit_support.setPlaceholderText(QCoreApplication.translate("PlanImportDialog", u"\u914d\u5408\u5355\u4f4d\uff0c\u7528\u201c\u3001\u201d\u5206\u9694", None))
        self.edit_deadline_label.setText(QCoreApplication.translate("PlanImportDialog", u"\u5b8c\u6210\u65f6\u9650\uff1a", None))
        self.edit_deadline.setPlaceholderText(QCoreApplication.translate("PlanImportDialog", u"\u5982\uff1a11\u670830\u65e5\u524d\u3001\u6bcf\u5b63\u5ea6\u672b\u3001\u957f\u671f\u575a\u6301", None))
        self.apply_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u5e94\u7528\u5230\u6b64\u9879", None))
        self.tabs.setTabText(self.tabs.indexOf(self.items_page), QCoreApplication.translate("PlanImportDialog", u"\u8981\u70b9", None))
        self.tabs.setTabText(self.tabs.indexOf(self.units_page), QCoreApplication.translate("PlanImportDialog", u"\u672a\u8bc6\u522b\u7684\u5355\u4f4d", None))
        self.paragraphs_label.setText(QCoreApplication.translate("PlanImportDialog", u"\u672c\u9879\u7684\u6bb5\u843d", None))
#if QT_CONFIG(tooltip)
        self.split_paragraph_button.setToolTip(QCoreApplication.translate("PlanImportDialog", u"\u628a\u9009\u4e2d\u7684\u6b63\u6587\u6bb5\u843d\u62c6\u4e3a\u4e00\u4e2a\u65b0\u8981\u70b9\uff08Ctrl+Enter\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.split_paragraph_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u62c6\u4e3a\u65b0\u8981\u70b9", None))
#if QT_CONFIG(tooltip)
        self.merge_up_button.setToolTip(QCoreApplication.translate("PlanImportDialog", u"\u8fd9\u4e00\u9879\u539f\u672c\u662f\u6b63\u6587\uff1a\u5e76\u5165\u4e0a\u4e00\u9879\u7684\u6b63\u6587\uff08Ctrl+J\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.merge_up_button.setText(QCoreApplication.translate("PlanImportDialog", u"\u5e76\u5165\u4e0a\u4e00\u9879\u7684\u6b63\u6587", None))
        self.source_label.setText(QCoreApplication.translate("PlanImportDialog", u"\u539f\u6587\uff08\u5df2\u53bb\u9664\u7f51\u9875\u6742\u9879\uff1b\u70b9\u51fb\u5de6\u4fa7\u8981\u70b9\u53ef\u5b9a\u4f4d\uff09", None))
    # retranslateUi

