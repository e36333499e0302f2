"""Backups that restore: `manage.py backup` and `manage.py restore` (docs/backups.md)."""
