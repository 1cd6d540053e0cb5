"""Chinese full-text search over items and progress notes.

The FTS5 trigram index answers queries of three or more characters; it cannot answer one-
or two-character ones (and, on SQLite 3.40, ``LIKE`` against the FTS table returns nothing),
so those go to ``LIKE`` on the base tables. User input is always quoted for MATCH, so text
such as ``2026-10`` or ``会议(第`` is searched literally instead of raising a syntax error.
"""

from __future__ import annotations

from planner_desktop.store.database import Ledger, translated_errors


def quote_for_match(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_item_ids(ledger: Ledger, text: str) -> set[int]:
    """Ids of items whose code, title or text, or one of whose progress notes, contain ``text``."""
    words = text.split()
    if not words:
        return set()
    found: set[int] | None = None
    for word in words:  # every word must match somewhere (AND)
        ids = _ids_for_word(ledger, word)
        found = ids if found is None else found & ids
    return found or set()


def _ids_for_word(ledger: Ledger, word: str) -> set[int]:
    with translated_errors(ledger.path):
        if len(word) >= 3:
            match = quote_for_match(word)
            rows = ledger.conn.execute(
                "SELECT rowid FROM plan_item_fts WHERE plan_item_fts MATCH ? "
                "UNION SELECT a.item_id FROM assignment_note_fts f "
                "JOIN assignment a ON a.id = f.rowid WHERE assignment_note_fts MATCH ?",
                (match, match),
            ).fetchall()
        else:
            like = f"%{escape_like(word)}%"
            rows = ledger.conn.execute(
                "SELECT id FROM plan_item WHERE code LIKE ?1 ESCAPE '\\' OR title LIKE ?1 "
                "ESCAPE '\\' OR body LIKE ?1 ESCAPE '\\' "
                "UNION SELECT item_id FROM assignment WHERE note LIKE ?1 ESCAPE '\\'",
                (like,),
            ).fetchall()
    return {r[0] for r in rows}
