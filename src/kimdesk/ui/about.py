"""Über KIMdesk: version, store, installation and its fingerprint; saving this installation's
identity file again (to hand over, or to replace a format-1 file at the office)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kimdesk import __version__
from kimdesk.services.setup import own_identity, write_identity
from kimdesk.services.workspace import display_url

from .i18n import tr
from .screen import Context


def about_text(ctx: Context, store: Path, fingerprint: str | None = None) -> str:
    lines = [
        f"<h3>KIMdesk {html.escape(__version__)}</h3>",
        tr("<p>Dokumentation und Monitoring des Kommunalen Integrationsmanagements (KIM NRW).</p>"),
        "<p>"
        + tr(
            "Speicher: {path}",
            path=html.escape(str(store) if isinstance(store, Path) else display_url(store)),
        )
        + "</p>",
    ]
    if ctx.installation is not None:
        lines.append(
            "<p>" + tr("Installation: {name}", name=html.escape(ctx.installation.name)) + "<br>"
            + tr("Profil: {profile}", profile=html.escape(ctx.installation.profile)) + "</p>"
        )  # fmt: skip
    if fingerprint:
        lines.append("<p>" + tr("Fingerabdruck dieses Geräts:") + f"<br><tt>{fingerprint}</tt></p>")
    return "".join(lines)


def show_about(parent: QWidget, ctx: Context, store: Path) -> None:
    """With the store open, the about box shows the fingerprint to compare when enrolling."""

    def shown(identity=None) -> None:
        fingerprint = identity.fingerprint if identity is not None else None
        QMessageBox.about(parent, tr("Über KIMdesk"), about_text(ctx, store, fingerprint))

    if ctx.installation is None:
        shown()
    else:
        ctx.ops.query(own_identity, shown)


def save_identity(parent: QWidget, ctx: Context) -> None:
    """Datei → Identitätsdatei speichern: the public identity, with its fingerprint."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, tr("Identitätsdatei speichern"), str(Path.home() / "kimdesk-identitaet.json"),
        tr("Identitätsdateien (*.json)"))  # fmt: skip
    if not name:
        return
    path = Path(name)
    path = path if path.suffix else path.with_suffix(".json")

    def saved(identity) -> None:
        ctx.messages.info.emit(tr("Identitätsdatei gespeichert: {path} (Fingerabdruck {fingerprint})",
                                  path=str(path), fingerprint=identity.fingerprint))  # fmt: skip

    # The dialog asked before an existing file was chosen: only an identity file is replaced.
    ctx.ops.query(lambda ws: write_identity(ws, path, force=True), saved)
