"""MLX native bindings, one module per family; each function is named by concept id."""
