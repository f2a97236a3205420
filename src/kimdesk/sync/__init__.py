"""Identities and keys, sync bundles, the merge."""
