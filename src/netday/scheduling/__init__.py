"""Pure scheduling rules: dates in, dates out. No database, no clock, no I/O."""
