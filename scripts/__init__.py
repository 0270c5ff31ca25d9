"""Developer scripts: screenshots, translations, packaging helpers."""
