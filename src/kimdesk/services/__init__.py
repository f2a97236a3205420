"""Use cases the faces (command line, desktop app) call. No Qt, no SQL in the callers."""
