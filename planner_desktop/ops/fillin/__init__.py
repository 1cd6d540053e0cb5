"""Fill-in workbooks end to end: export per unit, preview returned workbooks, commit, 催报名单.

The GUI dialogs and the ``export-fillin`` / ``import-returns`` / ``not-reported`` commands all
go through here, so the clerk and a script get the same files, the same preview and the same
result. An import is previewed completely (nothing written) and then committed one file at a
time, each file one transaction and one undoable import batch.

- ``export``: the workbooks sent to each unit, recorded for the 未报送 list;
- ``reminders``: who has not reported for a period (the 催报名单);
- ``previews``: what importing returned files would do, row by row;
- ``returns``: reading returned files into a preview (nothing written);
- ``matching``: which assignment a returned row belongs to;
- ``commit``: writing a preview, one import batch per file.
"""
