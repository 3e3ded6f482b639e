"""Keeping data safe in the window: backups, restore, offline exchange, the audit trail's
history of a record, and retention (gallring)."""
