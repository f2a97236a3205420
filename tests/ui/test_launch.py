"""Starting the app: the default store location, and the command line without Qt."""

from __future__ import annotations

from kimdesk.ui.app import default_store_path


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


def test_a_cold_start_does_not_load_matplotlib_before_the_statistics(tmp_path, cm_file):
    import os
    import subprocess
    import sys

    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
        "from kimdesk.ui.app import start; from kimdesk.ui.settings import Settings; "
        f"w = start({str(cm_file)!r}, Settings({str(tmp_path / 's.ini')!r})); w.show(); "
        "print('matplotlib' in sys.modules, w.is_locked); w.close()"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIMDESK_STATE_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=env)  # fmt: skip
    assert proc.stdout.split() == ["False", "True"], proc.stderr


def test_a_portable_installation_keeps_its_data_beside_the_program(tmp_path, monkeypatch):
    import sys

    from kimdesk import paths
    from kimdesk.ui.settings import default_settings_file

    program = tmp_path / "KIMdesk" / "kimdesk.exe"
    program.parent.mkdir()
    program.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert paths.portable_root() is None  # a normal installation: the user's folders
    (program.parent / "portable").write_text("")
    assert default_store_path() == program.parent / "daten" / "kimdesk.kdb"
    assert default_settings_file() == program.parent / "daten" / "kimdesk.ini"
    monkeypatch.delenv("KIMDESK_STATE_DIR")
    assert paths.state_dir() == program.parent / "daten" / "zustand"
