"""Planner Desktop (工作要点督办台): a local ledger of a bureau's work plan items."""

__version__ = "0.1.0"
