-- 0002: fill-in workbooks (填报表) sent out and returned, per unit and report period.
-- They answer "who has not reported" (催报名单) for a period: a unit sent a workbook whose
-- return is missing, or came back with rows left empty. Exports and returns are history, so
-- rows are only added; a return whose import batch is undone stops counting (undone_at).

CREATE TABLE fillin_export (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    unit_id       INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    period        TEXT NOT NULL,                 -- report period key: 2023-10, 2023-Q3
    exported_at   TEXT NOT NULL,
    file_name     TEXT NOT NULL DEFAULT '',
    token         TEXT NOT NULL DEFAULT '',      -- also written in the workbook's metadata sheet
    rows          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX fillin_export_period ON fillin_export (plan_id, period, unit_id);

CREATE TABLE fillin_return (
    id            INTEGER PRIMARY KEY,
    import_batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    unit_id       INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    period        TEXT NOT NULL,
    token         TEXT NOT NULL DEFAULT '',
    rows          INTEGER NOT NULL DEFAULT 0,    -- rows of this unit in the returned sheet
    empty_rows    INTEGER NOT NULL DEFAULT 0,    -- of which left empty
    missing_rows  INTEGER NOT NULL DEFAULT 0     -- exported rows not found in the return
);
CREATE INDEX fillin_return_period ON fillin_return (plan_id, period, unit_id);
