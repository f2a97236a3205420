"""The desktop app's first window (a placeholder until the workspaces land)."""

from kimdesk.ui.app import PlaceholderWindow, default_store_path


def test_window_names_the_store_and_speaks_german(qtbot, tmp_path):
    window = PlaceholderWindow(tmp_path / "cm.kdb")
    qtbot.addWidget(window)
    window.show()
    text = window.centralWidget().text()
    assert str(tmp_path / "cm.kdb") in text
    assert "Kommandozeile" in text
    assert window.windowTitle().startswith("KIMdesk")


def test_default_store_lives_in_the_users_data_folder():
    path = default_store_path()
    assert path.name == "kimdesk.kdb" and "kimdesk" in str(path.parent).lower()


def test_the_command_line_never_loads_qt_for_other_commands(tmp_path):
    import os
    import subprocess
    import sys

    code = (
        "import sys; from kimdesk.launcher import main; "
        "rc = main(['check', '--store', 'missing.kdb']); "
        "print(rc, 'PySide6' in sys.modules)"
    )
    env = {**os.environ, "KIMDESK_PASSPHRASE": "whatever long", "KIMDESK_STATE_DIR": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env=env,
    )
    assert proc.stdout.strip() == "1 False", proc.stderr
    assert "gibt es nicht" in proc.stderr
