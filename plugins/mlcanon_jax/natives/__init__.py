"""JAX native bindings, one module per family; each function is named by concept id."""

from mlcanon_jax.backend import _jax

_jax()  # enable 64-bit before any native module creates an array
