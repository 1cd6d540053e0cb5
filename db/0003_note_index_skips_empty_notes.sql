-- 0003: the progress-note search index holds only assignments that have a note.
-- Assignments are created without one (a task list of 5,000 rows creates tens of thousands),
-- and indexing each empty note cost a third of writing the assignment. An empty note can
-- never match a search, so leaving it out of the index changes no result.
DROP TRIGGER assignment_note_fts_insert;
DROP TRIGGER assignment_note_fts_delete;
DROP TRIGGER assignment_note_fts_update;

CREATE TRIGGER assignment_note_fts_insert AFTER INSERT ON assignment WHEN new.note <> '' BEGIN
    INSERT INTO assignment_note_fts (rowid, note) VALUES (new.id, new.note);
END;
CREATE TRIGGER assignment_note_fts_delete AFTER DELETE ON assignment WHEN old.note <> '' BEGIN
    INSERT INTO assignment_note_fts (assignment_note_fts, rowid, note) VALUES ('delete', old.id, old.note);
END;
-- One trigger, so the old note always leaves the index before the new one enters it.
CREATE TRIGGER assignment_note_fts_update AFTER UPDATE OF note ON assignment BEGIN
    INSERT INTO assignment_note_fts (assignment_note_fts, rowid, note)
        SELECT 'delete', old.id, old.note WHERE old.note <> '';
    INSERT INTO assignment_note_fts (rowid, note) SELECT new.id, new.note WHERE new.note <> '';
END;

-- The index again, from the notes there are.
INSERT INTO assignment_note_fts (assignment_note_fts) VALUES ('delete-all');
INSERT INTO assignment_note_fts (rowid, note) SELECT id, note FROM assignment WHERE note <> '';
