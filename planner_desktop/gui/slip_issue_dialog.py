"""发督办单: the slips an issue would make, before any is numbered or written.

The clerk sees each slip (item, unit, kind, 完成时限) with its 督办要求, can leave a slip out,
change one requirement or give one to all, and chooses the files and the folder. Numbers are
only taken when the slips are recorded (``ops/slips.record_slips``), so the dialog says which
number the issue starts from but cannot take one that another issue then uses.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from planner_desktop.domain.supervision import slip_number
from planner_desktop.gui.forms.slip_issue_dialog_ui import Ui_SlipIssueDialog
from planner_desktop.gui.paper_output import PaperOutput
from planner_desktop.ops.slips import SlipPlan

COLUMNS = ("发出", "事项编号", "事项", "责任单位", "督办类别", "完成时限", "督办要求")
REQUIREMENT_COLUMN = COLUMNS.index("督办要求")


class SlipIssueDialog(QDialog):
    def __init__(self, plan: SlipPlan, first_number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.first_number = first_number
        self.ui = ui = Ui_SlipIssueDialog()  # the layout lives in ui/slip_issue_dialog.ui
        ui.setupUi(self)
        ui.buttons.button(QDialogButtonBox.Ok).setText(self.tr("签发"))
        ui.buttons.accepted.connect(lambda: self.output.ready() and self.accept())
        ui.pdf_box.toggled.connect(ui.one_pdf_box.setEnabled)
        self.output = PaperOutput(self, ui.docx_box, ui.pdf_box, ui.folder_edit, ui.browse_button,
                                  self.tr("保存督办单的文件夹"))
        self.fill_table()
        ui.slip_table.itemChanged.connect(lambda _item: self.show_summary())
        if plan.no_contact:
            ui.contact_warning.setText(self.tr("以下单位在名册中没有联系人和电话，督办单上这一栏将留空"
                                               "（可在“单位管理”中补全）：{units}").format(
                units="、".join(plan.no_contact)))
        else:
            ui.contact_warning.hide()
        self.show_summary()

    def fill_table(self) -> None:
        table = self.ui.slip_table
        table.verticalHeader().setVisible(False)
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        table.setRowCount(len(self.plan.slips))
        for row, slip in enumerate(self.plan.slips):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
            check.setCheckState(Qt.Checked)
            table.setItem(row, 0, check)
            for column, text in enumerate((slip.item_number, slip.title, slip.unit.name, slip.kind,
                                           slip.deadline), start=1):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
                cell.setToolTip(slip.text if column == 2 else text)
                table.setItem(row, column, cell)
            table.setItem(row, REQUIREMENT_COLUMN, QTableWidgetItem(slip.requirement))
        header = table.horizontalHeader()
        table.resizeColumnsToContents()
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(REQUIREMENT_COLUMN, QHeaderView.Interactive)
        table.setColumnWidth(2, max(table.columnWidth(2), 240))
        table.setColumnWidth(REQUIREMENT_COLUMN, 280)

    def chosen_rows(self) -> list[int]:
        table = self.ui.slip_table
        return [r for r in range(table.rowCount()) if table.item(r, 0).checkState() == Qt.Checked]

    def show_summary(self) -> None:
        rows = self.chosen_rows()
        units = {self.plan.slips[r].unit.name for r in rows}
        year = self.plan.slips[0].year
        if rows:
            text = self.tr("将给 {units} 个单位发 {n} 份督办单，编号自 {first} 起；"
                           "签发后记入各事项的进展历史。").format(
                units=len(units), n=len(rows), first=slip_number(year, self.first_number))
        else:
            text = self.tr("没有勾选任何督办单。")
        self.ui.summary_label.setText(text)
        self.ui.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(rows))

    def one_pdf(self) -> bool:
        return self.ui.pdf_box.isChecked() and self.ui.one_pdf_box.isChecked()

    def chosen_plan(self) -> SlipPlan:
        """The slips ticked, each with the requirement typed for all or in its row."""
        common = self.ui.common_requirement.text().strip()
        table = self.ui.slip_table
        slips = []
        for row in self.chosen_rows():
            slip = self.plan.slips[row]
            typed = table.item(row, REQUIREMENT_COLUMN).text().strip()
            slip.requirement = common or typed or slip.requirement
            slips.append(slip)
        units = {s.unit.name for s in slips}
        return SlipPlan(slips, [name for name in self.plan.no_contact if name in units])
