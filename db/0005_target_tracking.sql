-- 0005: quantified targets (量化指标) tracked to the figures reached.
-- A target parsed from the plan can be corrected, added by the clerk, removed as a false one
-- (kept, marked removed, so its history and figures survive an undo), and its placeholder
-- (x个, X%) filled. Who reports it is the item's lead unit unless set. The figures reached
-- are history: one row per report, the latest of a period counts; undoing the return that
-- brought them deletes its rows (import_batch_id cascade).
ALTER TABLE target ADD COLUMN reporter_unit_id INTEGER REFERENCES unit (id) ON DELETE SET NULL;
ALTER TABLE target ADD COLUMN origin TEXT NOT NULL DEFAULT 'parsed';   -- parsed | clerk
ALTER TABLE target ADD COLUMN edited_at TEXT;                           -- last clerk change
ALTER TABLE target ADD COLUMN removed_at TEXT;                          -- a false target, set aside

CREATE TABLE target_figure (
    id            INTEGER PRIMARY KEY,
    target_id     INTEGER NOT NULL REFERENCES target (id) ON DELETE CASCADE,
    period        TEXT NOT NULL,                 -- report period key: 2025-H1, 2025-06, 2025
    figure        REAL NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    unit_id       INTEGER REFERENCES unit (id) ON DELETE SET NULL,   -- who reported it
    reported_at   TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT 'hand' CHECK (source IN ('hand', 'import', 'demo')),
    import_batch_id INTEGER REFERENCES import_batch (id) ON DELETE CASCADE
);
CREATE INDEX target_figure_target ON target_figure (target_id, period, reported_at);

-- What the clerk did to a target (corrected, added, removed, filled, figure typed), for the
-- item's history; ``before``/``after`` are JSON of the changed fields.
CREATE TABLE target_change (
    id            INTEGER PRIMARY KEY,
    target_id     INTEGER NOT NULL REFERENCES target (id) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('add', 'edit', 'remove', 'restore', 'fill', 'figure')),
    before        TEXT NOT NULL DEFAULT '{}',
    after         TEXT NOT NULL DEFAULT '{}',
    author        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX target_change_target ON target_change (target_id, at);
