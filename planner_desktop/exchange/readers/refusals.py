"""What the spreadsheet reader says when it refuses a file, and what a damaged file raises.

The messages are the clerk's: each says what the file is (or is not) and what to do with it.
"""

from __future__ import annotations

import struct
import zipfile

from defusedxml import DefusedXmlException
from xlrd.compdoc import CompDocError

SAVE_AS_XLSX = "请在 Excel 或 WPS 中打开它，“另存为” Excel 工作簿（.xlsx）后再导入。"
ASK_FOR_ORIGINAL = ("请向发文单位索取 Excel 原件；或在 WPS/Excel 中整理成表格，"
                    "另存为 .xlsx 后再导入。")
REFUSED_EXTENSIONS = {
    ".et": "这是 WPS 表格专用格式（.et），本程序不能直接读取。" + SAVE_AS_XLSX,
    ".ett": "这是 WPS 表格模板（.ett），本程序不能直接读取。" + SAVE_AS_XLSX,
    ".wps": "这是 WPS 文字文档（.wps），不是表格。" + ASK_FOR_ORIGINAL,
    ".wpt": "这是 WPS 文字模板（.wpt），不是表格。" + ASK_FOR_ORIGINAL,
    ".doc": "这是 Word 文档（.doc），不是表格。" + ASK_FOR_ORIGINAL,
    ".docx": "这是 Word 文档（.docx），不是表格。" + ASK_FOR_ORIGINAL,
    ".pdf": "这是 PDF 文件，无法读取其中的表格。" + ASK_FOR_ORIGINAL,
    ".ofd": "这是 OFD 版式文件，无法读取其中的表格。" + ASK_FOR_ORIGINAL,
    ".numbers": "这是苹果 Numbers 表格。请在 Numbers 中导出为 Excel（.xlsx）后再导入。",
}
MSG_PASSWORD = ("文件设有打开密码，无法读取。请在 Excel/WPS 中输入密码打开，"
                "取消密码后另存为 .xlsx，再导入。")
MSG_CORRUPT = ("文件已损坏或不完整（可能没有下载或复制完整）。请重新获取文件；"
               "如果 Excel/WPS 能打开它，请另存为 .xlsx 后再导入。")
MSG_TOO_MANY_ROWS = ("表格超过 {limit} 行{detail}，不像是任务清单。请确认选对了文件；"
                     "如确需导入，请拆分成几个文件。")
MSG_TOO_MANY_CELLS = ("表格过大（{size}，共 {cells} 个单元格，上限 {limit} 个），"
                      "不像是任务清单。")
MSG_STRAY_CELLS = ("如果远处的内容是误输入或误粘贴留下的，请在 Excel/WPS 中删除多余的行和列"
                   "（选中数据以外的整行、整列，右键“删除”）后保存；或把只含数据的区域复制到"
                   "新工作簿，另存为 .xlsx 后再导入。")
MSG_UNKNOWN = ("无法识别的文件格式：它不是 Excel（.xlsx/.xls）、ODS 或 CSV 表格。"
               + SAVE_AS_XLSX)
MSG_UNSAFE_XML = ("文件中含有不安全的 XML 内容（DTD/实体定义），正常的 Excel/WPS 文件不会有，"
                  "已拒绝读取。请确认文件来源；如果 Excel/WPS 能正常打开它，"
                  "请另存为 .xlsx 后再导入。")

# What damaged extras raise (the cells were read; the records beside them are broken).
DAMAGED_EXTRAS = (KeyError, ValueError, IndexError, struct.error, zipfile.BadZipFile,
                  CompDocError, AssertionError, SyntaxError, DefusedXmlException)
