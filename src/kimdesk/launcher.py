"""The ``kimdesk`` entry point: the command line, which starts the desktop app for ``gui``.

It lives outside ``cli`` so that the command line itself never imports Qt.
"""

from __future__ import annotations

import sys


def _run_gui(store: str | None) -> int:
    from kimdesk.ui.app import run_gui  # Qt is loaded only for the desktop app

    return run_gui(store)


def main(argv: list[str] | None = None) -> int:
    from kimdesk.cli.main import main as cli_main

    return cli_main(argv, gui=_run_gui)


def run() -> None:
    sys.exit(main())
