"""Test helpers: in-memory keyring, real-service fixtures, scripted provider servers."""
