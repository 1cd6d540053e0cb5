"""Status sheets laid out and drawn with Qt: QPainter on QPdfWriter (PDF) or QPrinter (paper,
print preview).

``layout`` wraps text and fills pages with unbreakable fragments, ``table`` and ``bulletin``
cut a report document (``domain/report_content.py``) into fragments, ``chart`` paints the
completion-rate bars, ``page`` measures a document on a device (what the bulletin lays out
against), ``render`` adds the page header and footer and drives a device,
``report_files`` writes a report's PDF, .xlsx and .docx, and ``fonts`` registers the
bundled font whose PDFs extract as the characters drawn.
"""
