"""The Chinese messages of the document readers, in one place so each reader and the
dispatcher in ``exchange.plan_document`` say the same thing for the same trouble."""

SAVE_AS_DOCX = ("请在 Word 或 WPS 中打开它，“另存为” Word 文档（.docx）后再导入；"
                "也可以复制全文，用“粘贴文本”导入。")
ASK_FOR_ORIGINAL = "向发文单位索取 Word 原件（.docx 或 .doc）"
MSG_CORRUPT = "文件已损坏或不完整（可能没有下载或复制完整），无法读取。请重新获取文件。" + SAVE_AS_DOCX
MSG_PASSWORD = "文件设有打开密码，无法读取。请在 Word/WPS 中取消密码后另存为 .docx 再导入。"

MSG_PDF_CORRUPT = ("PDF 文件已损坏或不完整（可能没有下载或复制完整），无法读取。"
                   "请重新获取文件，或" + ASK_FOR_ORIGINAL + "。")
MSG_PDF_PASSWORD = ("PDF 文件已加密（设有打开密码），无法读取其中的文字。"
                    "请向发文单位索取未加密的文件或 Word 原件（.docx 或 .doc）。")
MSG_SCANNED = ("这是扫描件：{kind} 文件里只有页面图片，没有可读取的文字，本程序无法识别图片中的字。请"
               + ASK_FOR_ORIGINAL + "；或先用 OCR 文字识别软件把它转成文字，再用“粘贴文本”导入。")
MSG_PARTLY_SCANNED = ("{kind} 文件的第 {pages} 页是扫描图片，没有可读取的文字，导入会缺少这些页的内容。请"
                      + ASK_FOR_ORIGINAL + "；或先用 OCR 文字识别软件转成文字，再用“粘贴文本”导入。")

MSG_DOC_CORRUPT = ("这是{kind}，但文件已损坏或不完整，无法读取其中的文字。请重新获取文件，"
                   "或在 Word/WPS 中打开后“另存为” Word 文档（.docx）再导入。")
MSG_DOC_TOO_OLD = ("这是 Word 6.0/95 或更早版本保存的文档，本程序不能直接读取。" + SAVE_AS_DOCX)

MSG_OFD_CORRUPT = ("OFD 文件已损坏或不完整（可能没有下载或复制完整），无法读取。"
                   "请重新获取文件，或" + ASK_FOR_ORIGINAL + "。")
MSG_OFD_PROTECTED = ("OFD 文件中的内容已加密，无法读取其中的文字。"
                     "请向发文单位索取未加密的文件或 Word 原件（.docx 或 .doc）。")


def doc_kind(suffix: str) -> str:
    """How a Word-binary file is named to the clerk: WPS writes the same format as .wps."""
    if suffix in (".wps", ".wpt"):
        return "WPS 文字文档（.wps）"
    return "旧版 Word 文档（.doc）"
