"""The encrypted local store: SQLCipher engine, models, records, migrations."""
