"""Status sheets laid out and drawn with Qt: QPainter on QPdfWriter (PDF) or QPrinter (paper,
print preview).

``layout`` wraps text and fills pages with unbreakable fragments, ``table`` and ``bulletin``
cut a report document (``domain/report_content.py``) into fragments, ``chart`` paints the
completion-rate bars, ``render`` adds the page header and footer and drives a device, and
``fonts`` registers the bundled font whose PDFs extract as the characters drawn.
"""
