"""storage layer."""

from loften_app.storage.sqlite_values import register_adapters

# Before any connection binds a date (see sqlite_values): every use of storage imports this.
register_adapters()
