"""The first-run wizard: store and passphrase, role and name, municipalities, office key."""

from .wizard import SetupWizard

__all__ = ["SetupWizard"]
