"""Files on disk, below every layer that reads or writes them.

``atomic`` writes a file beside its target and moves it into place only once ``checks`` has
read it back whole; ``leftovers`` removes what a killed writer left behind; ``incoming``
reads a file a clerk picked, refusing devices, pipes and the ledger in use, with a size
bound; ``in_use`` knows which ledgers this process has open. The ledger and its evidence
(``store/``), the workbooks and documents (``exchange/``) and the PDFs (``printing/``) all
go through them, so they sit under both ``store/`` and ``exchange/`` (siblings that may not
import each other) and import nothing of the program but ``errors`` and ``i18n``.
"""
