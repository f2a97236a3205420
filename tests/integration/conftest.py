"""Fixtures of the integration tests: crafted and genuine bundles (see ``bundle_craft``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kimdesk.services import sync

from .bundle_craft import Crafter, add_records


@pytest.fixture
def stick(tmp_path) -> Path:
    """A USB stick: the folder bundles and replies are carried in."""
    folder = tmp_path / "stick"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def crafter(cm_ws, templates, tmp_path):
    add_records(cm_ws)
    return Crafter(cm_ws, templates, tmp_path)


@pytest.fixture
def bundle(cm_ws, tmp_path) -> Path:
    """A valid bundle written by the case manager (3 records)."""
    add_records(cm_ws)
    folder = tmp_path / "stick"
    folder.mkdir()
    return sync.export_bundle(cm_ws, folder).path
