"""Gruppenangebote: group offers (e.g. the Heidelberger Elterntraining) and their sessions."""

from .screen import GroupOffersScreen

__all__ = ["GroupOffersScreen"]
