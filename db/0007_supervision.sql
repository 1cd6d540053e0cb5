-- 0007: the supervision office's own papers and follow-up.
-- A 督办单 is numbered per year (督办〔2025〕12号); the number is never reused, so a slip is
-- history: it is answered (办理情况) and closed, never deleted. A 催办通知 is recorded per
-- unit and period. An extension (延期) now says who approved it and when it was asked.
CREATE TABLE supervision_slip (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    number        INTEGER NOT NULL CHECK (number >= 1),
    item_id       INTEGER NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
    unit_id       INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,  -- the unit it is sent to
    light         TEXT NOT NULL DEFAULT '',      -- 临期提醒 / 逾期督办 / 红色督办
    requirement   TEXT NOT NULL DEFAULT '',      -- 督办要求 as typed
    due           TEXT,                          -- 完成时限 when issued
    issued_at     TEXT NOT NULL,
    file_name     TEXT NOT NULL DEFAULT '',
    answer        TEXT NOT NULL DEFAULT '',      -- 办理情况
    answered_at   TEXT,
    closed_at     TEXT,
    UNIQUE (year, number)
);
CREATE INDEX supervision_slip_item ON supervision_slip (item_id);
CREATE INDEX supervision_slip_unit ON supervision_slip (unit_id, issued_at);

CREATE TABLE reminder_notice (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    unit_id       INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    period        TEXT NOT NULL,
    new_due       TEXT,
    items         INTEGER NOT NULL DEFAULT 0,    -- how many items it names
    issued_at     TEXT NOT NULL,
    file_name     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reminder_notice_unit ON reminder_notice (unit_id, period);

ALTER TABLE extension ADD COLUMN requested_on TEXT;
ALTER TABLE extension ADD COLUMN approver TEXT NOT NULL DEFAULT '';
ALTER TABLE extension ADD COLUMN approved_on TEXT;
