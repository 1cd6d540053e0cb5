"""The headless twin of every file operation: ``planner-desktop [--db PATH] COMMAND [--json]``.

With ``--json`` a command prints exactly one JSON object on stdout (messages go to stderr);
it exits 0 on success, 1 on bad input (with ``{"error": …, "file": …, "sheet": …, "row": …,
"column": …}``) and 2 on misuse. The key names are a contract with scripts (DESIGN.md).

``main`` builds the parser and runs a command; ``common`` holds what every command shares
(opening the ledger ``--db`` names, dates, printing the answer, exit codes); each other
module is one feature's commands, with ``register(command, sub)`` adding them to the parser.

Building the parser imports every feature module, so these import at the top only what their
arguments need (and what ``store.database`` loads anyway); a handler imports the use cases it
runs inside itself, for start-up speed: a command loads only what it uses, where importing
every use case up front would cost about 0.2 s, more than ``--help`` takes in all.
"""
