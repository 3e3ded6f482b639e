"""The registers: agreement, promises, targets, places, shops and indicators (`RegistersPage`)."""
