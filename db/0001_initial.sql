-- 0001: the ledger of plans, plan items, units, assignments and their history.
-- Dates are ISO text (YYYY-MM-DD), times ISO local time (YYYY-MM-DD HH:MM:SS).

CREATE TABLE import_batch (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('tasks', 'plan', 'returns', 'roster', 'calendar', 'demo')),
    file_name     TEXT NOT NULL DEFAULT '',
    sha256        TEXT NOT NULL DEFAULT '',
    imported_at   TEXT NOT NULL,
    plan_id       INTEGER,          -- the plan it created or touched; no FK: the plan may be gone after undo
    counts        TEXT NOT NULL DEFAULT '{}',   -- JSON: what it created / changed
    undo          TEXT NOT NULL DEFAULT '{}',   -- JSON: what undoing it must restore
    undone_at     TEXT
);
CREATE INDEX import_batch_sha256 ON import_batch (sha256);

CREATE TABLE plan (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    year          INTEGER NOT NULL,
    issuer        TEXT NOT NULL DEFAULT '',
    preamble      TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    import_batch_id INTEGER REFERENCES import_batch (id) ON DELETE SET NULL
);

CREATE TABLE plan_item (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    parent_id     INTEGER REFERENCES plan_item (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,              -- order among its siblings
    level         INTEGER NOT NULL CHECK (level >= 1),
    code          TEXT NOT NULL DEFAULT '',      -- outline number as written: 一、 （一） 1.
    title         TEXT NOT NULL,
    body          TEXT NOT NULL DEFAULT '',      -- the full text of the item
    deadline_text TEXT NOT NULL DEFAULT '',
    due           TEXT,
    deadline_kind TEXT NOT NULL DEFAULT 'none'
                  CHECK (deadline_kind IN ('date', 'recurring', 'ongoing', 'relative', 'unparsed', 'none')),
    deadline_detail TEXT NOT NULL DEFAULT '{}',  -- JSON: recurrence, day, working days
    due_set_by_hand INTEGER NOT NULL DEFAULT 0,
    source_ref    TEXT NOT NULL DEFAULT '',      -- where it came from: sheet and row, or paragraph
    import_batch_id INTEGER REFERENCES import_batch (id) ON DELETE SET NULL
);
CREATE INDEX plan_item_plan ON plan_item (plan_id, parent_id, position);
CREATE INDEX plan_item_parent ON plan_item (parent_id);

CREATE TABLE target (
    id            INTEGER PRIMARY KEY,
    item_id       INTEGER NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    subject       TEXT NOT NULL DEFAULT '',
    number        REAL,                          -- NULL for a placeholder (x个, X%)
    unit          TEXT NOT NULL DEFAULT '',
    comparator    TEXT NOT NULL DEFAULT '',
    placeholder   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX target_item ON target (item_id);

CREATE TABLE unit (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL CHECK (kind IN ('股室', '学校')),
    stage         TEXT NOT NULL DEFAULT '',      -- 学段 of a school
    town          TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0,
    needs_review  INTEGER NOT NULL DEFAULT 0     -- created from an unknown name in an import
);

CREATE TABLE unit_alias (
    alias         TEXT PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    source        TEXT NOT NULL DEFAULT 'roster' CHECK (source IN ('roster', 'clerk'))
);
CREATE INDEX unit_alias_unit ON unit_alias (unit_id);

CREATE TABLE unit_group (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    rule_by       TEXT NOT NULL CHECK (rule_by IN ('学段', '类别', '名称', '乡镇')),
    rule_values   TEXT NOT NULL DEFAULT '[]'     -- JSON list
);

CREATE TABLE assignment (
    id            INTEGER PRIMARY KEY,
    item_id       INTEGER NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
    unit_id       INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    role          TEXT NOT NULL CHECK (role IN ('lead', 'support', 'carry')),
    via_group     TEXT NOT NULL DEFAULT '',      -- the group name it came from (各中小学)
    due           TEXT,                          -- its own due date; NULL = the item's
    status        TEXT NOT NULL DEFAULT '未启动'
                  CHECK (status IN ('未启动', '推进中', '已完成', '暂缓', '已取消')),
    progress      INTEGER CHECK (progress BETWEEN 0 AND 100),
    note          TEXT NOT NULL DEFAULT '',      -- the latest 进展情况
    completed_on  TEXT,
    updated_at    TEXT,
    UNIQUE (item_id, unit_id)
);
CREATE INDEX assignment_unit ON assignment (unit_id);

-- Append-only: rows are added, never edited (a trigger refuses UPDATE); undoing an
-- import deletes the rows that import added.
CREATE TABLE status_update (
    id            INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    status        TEXT NOT NULL,
    progress      INTEGER,
    note          TEXT NOT NULL DEFAULT '',
    period        TEXT NOT NULL DEFAULT '',      -- report period key: 2023-10, 2023-Q3
    source        TEXT NOT NULL DEFAULT 'hand' CHECK (source IN ('hand', 'import', 'demo')),
    author        TEXT NOT NULL DEFAULT '',
    import_batch_id INTEGER REFERENCES import_batch (id) ON DELETE CASCADE
);
CREATE INDEX status_update_assignment ON status_update (assignment_id, at);
CREATE TRIGGER status_update_append_only BEFORE UPDATE ON status_update
BEGIN
    SELECT RAISE(ABORT, 'status_update is append-only');
END;

CREATE TABLE extension (
    id            INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    old_due       TEXT,
    new_due       TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    granted_at    TEXT NOT NULL
);
CREATE INDEX extension_assignment ON extension (assignment_id);

CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    file_name     TEXT NOT NULL,                 -- the name the clerk attached
    stored_path   TEXT NOT NULL,                 -- relative to the data folder
    sha256        TEXT NOT NULL,
    size          INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evidence_assignment ON evidence (assignment_id);

-- The clerk-entered official holiday schedule for years chinese-calendar does not know.
CREATE TABLE calendar_day (
    day           TEXT PRIMARY KEY,
    is_workday    INTEGER NOT NULL CHECK (is_workday IN (0, 1)),
    note          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE setting (
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL
);

-- Chinese full-text search: trigram finds substrings of 3+ characters; shorter queries
-- go to LIKE on the base tables (see store/search.py).
CREATE VIRTUAL TABLE plan_item_fts USING fts5 (
    code, title, body, content = 'plan_item', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER plan_item_fts_insert AFTER INSERT ON plan_item BEGIN
    INSERT INTO plan_item_fts (rowid, code, title, body) VALUES (new.id, new.code, new.title, new.body);
END;
CREATE TRIGGER plan_item_fts_delete AFTER DELETE ON plan_item BEGIN
    INSERT INTO plan_item_fts (plan_item_fts, rowid, code, title, body)
    VALUES ('delete', old.id, old.code, old.title, old.body);
END;
CREATE TRIGGER plan_item_fts_update AFTER UPDATE OF code, title, body ON plan_item BEGIN
    INSERT INTO plan_item_fts (plan_item_fts, rowid, code, title, body)
    VALUES ('delete', old.id, old.code, old.title, old.body);
    INSERT INTO plan_item_fts (rowid, code, title, body) VALUES (new.id, new.code, new.title, new.body);
END;

CREATE VIRTUAL TABLE assignment_note_fts USING fts5 (
    note, content = 'assignment', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER assignment_note_fts_insert AFTER INSERT ON assignment BEGIN
    INSERT INTO assignment_note_fts (rowid, note) VALUES (new.id, new.note);
END;
CREATE TRIGGER assignment_note_fts_delete AFTER DELETE ON assignment BEGIN
    INSERT INTO assignment_note_fts (assignment_note_fts, rowid, note) VALUES ('delete', old.id, old.note);
END;
CREATE TRIGGER assignment_note_fts_update AFTER UPDATE OF note ON assignment BEGIN
    INSERT INTO assignment_note_fts (assignment_note_fts, rowid, note) VALUES ('delete', old.id, old.note);
    INSERT INTO assignment_note_fts (rowid, note) VALUES (new.id, new.note);
END;
