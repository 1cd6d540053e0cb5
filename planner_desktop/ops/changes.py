"""What a write changed, said by the operation that made it.

Modelled on Anki's ``OpChanges`` (``pylib/anki/collection.py``): the Qt-free layer returns a
small value naming what it touched, and the GUI announces that value once; each view then
refreshes only when the value concerns it (the navigation pane does not rebuild after a
progress note, the whole ledger is not read again after saving the keyword table). Without
it, every dialog had to know which views to refresh by hand, and refreshed too much or not
enough.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Flags, one per kind of content; combine with ``|``. Falsy when nothing changed."""

    plans: bool = False  # plans added, removed or renamed
    items: bool = False  # plan items: their text, outline or deadline
    assignments: bool = False  # who does what: status, progress, notes, extensions, evidence
    units: bool = False  # sections and schools, their aliases and groups
    batches: bool = False  # import batches recorded or undone (the 导入记录)
    exports: bool = False  # fill-in workbooks sent out (who is now expected to report)
    settings: bool = False  # what the views compute with: due-soon days, the work calendar
    preferences: bool = False  # remembered choices no view shows: keyword table, bulletin numbers

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def any_of(self, *names: str) -> bool:
        """True when any of the named kinds changed: how a view asks "does this concern me?"."""
        return any(getattr(self, name) for name in names)

    def names(self) -> list[str]:
        """The kinds that changed, for logs and test messages."""
        return [f.name for f in fields(self) if getattr(self, f.name)]


NOTHING = Changes()
EVERYTHING = Changes(**{f.name: True for f in fields(Changes)})
# A plan written from a file (task list, plan document, demo): its items and assignments, the
# units created for names not in the roster, and the import batch that can undo it.
PLAN_WRITTEN = Changes(plans=True, items=True, assignments=True, units=True, batches=True)
PROGRESS = Changes(assignments=True)
ITEM = Changes(items=True)
UNITS = Changes(units=True)


@dataclass(frozen=True)
class Changed(Generic[T]):
    """A write's own answer beside what it changed (Anki's ``OpChangesWithId`` and friends),
    for writes whose caller needs a value back, such as an edit that must be undone later."""

    value: T
    changes: Changes


def changes_of(result: object) -> Changes:
    """What an operation's result says it changed: a :class:`Changes` itself, or the
    ``changes`` carried by a result; nothing for a read."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else NOTHING
