"""PyTorch concept implementations, one module per family; each function is named by concept id."""
