-- 0004: assignments that wait for the roster. A task list or a plan names a group
-- (各中小学) on a ledger whose roster does not list its members yet, or a section by a name
-- the roster will give as an alias (安全股): the name is kept as written, never made into a
-- unit, and becomes assignments when a roster (or an alias) resolves it.
CREATE TABLE pending_assignment (
    id            INTEGER PRIMARY KEY,
    item_id       INTEGER NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,                 -- as written: 各中小学, 安全股
    role          TEXT NOT NULL CHECK (role IN ('lead', 'support', 'carry')),
    UNIQUE (item_id, name)
);
