"""Entry point of the frozen application (PyInstaller): the same as the ``kimdesk`` script."""

from kimdesk.launcher import run

if __name__ == "__main__":
    run()
