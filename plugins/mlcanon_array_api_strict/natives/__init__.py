"""array-api-strict binds no native op: the standard defines no ML concepts."""
