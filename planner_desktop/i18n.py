"""Translation hook for the layers without Qt (domain, exchange, store, cli).

User-visible strings are written in Simplified Chinese and passed through :func:`tr`, so a
later translation catalogue can be plugged in (``install_catalogue``) without touching the
call sites. Widgets use Qt's own ``self.tr()``.
"""

from __future__ import annotations

_catalogue: dict[str, str] = {}


def install_catalogue(catalogue: dict[str, str]) -> None:
    """Replace the active catalogue (source text -> translated text)."""
    _catalogue.clear()
    _catalogue.update(catalogue)


def tr(text: str) -> str:
    """The translation of ``text``, or ``text`` itself when none is installed."""
    return _catalogue.get(text, text)
