"""Helpers the tests share (and bench/ and docs/ scripts use): files written, ledgers made."""
