"""Readers of the plan documents that are not .docx or text: Word 97–2003 binary (.doc, and
.wps, which WPS writes in the same format), PDF with a text layer, and OFD (GB/T 33190).

Each gives the same thing the .docx reader gives (``SourceParagraph`` s, numbering labels
rendered where the format keeps them out of the text), so one plan reads to the same tree
whichever door it came in by. The choices, each argued in its module:

* ``pdf``: pypdfium2 (PDFium; Apache-2.0/BSD-3; wheels with the engine for Windows): fast,
  tolerant, CJK-aware; character boxes give the geometry ``lines`` needs;
* ``doc``: olefile (BSD, pure Python) for the OLE2 container, and our own reading of the
  format's piece table, paragraph properties and list tables;
* ``ofd``: our own code on zipfile and defusedxml (the Python OFD packages are renderers
  with heavy dependencies);
* ``lines``: from positioned lines to paragraphs, without running headers, footers and
  page numbers, for PDF and OFD alike.

No Qt here: these run in the CLI and in tests without a QApplication.
"""
