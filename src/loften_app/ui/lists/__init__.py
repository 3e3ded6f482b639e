"""Lazy lists of records: the table model, the column specs of every type and the list widget."""
