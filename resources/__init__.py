"""Data files of mailmanager: provider catalogue, icons, translations, desktop files."""
