"""One form per record type, on a shared base (base.py) and shared field widgets (fields.py)."""
