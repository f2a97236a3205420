"""The district office's screens (role ``office``)."""
