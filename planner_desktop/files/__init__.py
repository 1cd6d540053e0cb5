"""Writing files safely, below every layer that writes them.

``atomic`` writes a file beside its target and moves it into place only once ``checks`` has
read it back whole; ``leftovers`` removes what a killed writer left behind. The ledger's
backups (``store/``), the workbooks and Word files (``exchange/``) and the PDFs
(``printing/``) all go through it, so these helpers sit under both ``store/`` and
``exchange/`` (siblings that may not import each other) and import nothing of the program but
``errors`` and ``i18n``.
"""
