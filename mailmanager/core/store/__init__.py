"""The SQLite store of accounts and check history, its schema, and the export file format."""
