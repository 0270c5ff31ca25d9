"""The provider catalogue: bundled and user provider files, their schema and cache."""
