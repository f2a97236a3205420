"""The passphrase prompt in a real terminal (a pseudo-terminal), as a person would type it."""

from __future__ import annotations

import os
import pty
import select
import sys
import time

import pytest

from kimdesk.cli.progress import ProgressBar

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def _run_in_terminal(args: list[str], answers: list[tuple[str, str]], env: dict) -> tuple[int, str]:
    """Run ``python -m kimdesk ARGS`` on a pty; answer each prompt; return (exit code, screen)."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(sys.executable, [sys.executable, "-m", "kimdesk", *args], env)
    screen = ""
    deadline = time.monotonic() + 60
    pending = list(answers)
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096).decode("utf-8", "replace")
            except OSError:
                break
            if not chunk:
                break
            screen += chunk
        if pending and pending[0][0] in screen:
            prompt, answer = pending.pop(0)
            screen = screen.replace(prompt, f"<{prompt}>", 1)
            os.write(fd, answer.encode() + b"\r")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), screen


@pytest.fixture
def env(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIMDESK_PASS")}
    env["KIMDESK_STATE_DIR"] = str(tmp_path / "state")
    return env


def test_init_asks_twice_and_the_store_opens_with_it(tmp_path, env):
    store = tmp_path / "o.kdb"
    code, screen = _run_in_terminal(
        ["init", "--store", str(store), "--role", "office", "--name", "Kreis"],
        [
            ("Passphrase:", "typed in a terminal"),
            ("Passphrase wiederholen:", "typed in a terminal"),
        ],
        env,
    )
    assert code == 0, screen
    assert "Speicher angelegt" in screen and "typed in a terminal" not in screen  # no echo
    code, screen = _run_in_terminal(
        ["check", "--store", str(store)], [("Passphrase:", "typed in a terminal")], env
    )
    assert code == 0 and "in Ordnung" in screen


def test_two_different_entries_create_nothing(tmp_path, env):
    store = tmp_path / "o.kdb"
    code, screen = _run_in_terminal(
        ["init", "--store", str(store), "--role", "office", "--name", "Kreis"],
        [("Passphrase:", "first passphrase"), ("Passphrase wiederholen:", "second passphrase")],
        env,
    )
    assert code == 1 and "stimmen nicht überein" in screen
    assert not store.exists()


def test_progress_bar_draws_only_on_a_terminal():
    class Terminal:
        def __init__(self, tty: bool):
            self.tty, self.text = tty, ""

        def isatty(self):
            return self.tty

        def write(self, text):
            self.text += text

        def flush(self):
            pass

    tty = Terminal(True)
    bar = ProgressBar("Import", stream=tty)
    bar(200_000, 200_000)
    bar.close()
    assert "100%" in tty.text and "200.000/200.000 Zeilen" in tty.text
    pipe = Terminal(False)
    bar = ProgressBar("Import", stream=pipe)
    bar(5, 10)
    bar.close()
    assert pipe.text == ""
