"""The use cases the GUI and the command line share: import a task list or a plan document,
export fill-in workbooks and read them back, build a report, make the demo ledger.

No Qt here: a use case reads files through ``exchange/`` and writes the ledger through
``store/``, one transaction per write, and returns a value saying what it did, so both front
ends (and the tests) run exactly the same code.
"""
