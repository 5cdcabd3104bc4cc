"""What JAX does by default where the canon pins a choice (measured, not typed in)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon import Backend, DefaultProbe

VALUES = [2.0, 4.0, 4.0, 5.0]
LOGITS = [[1.0, 2.0, 3.0], [0.0, 0.0, 1.0]]
Q = [[1.0, 0.0], [0.0, 1.0]]
V = [[1.0, 2.0], [3.0, 4.0]]
CAUSAL = [[True, False], [True, True]]
NO_KEY = [[False, False], [True, True]]
TABLE = [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]


def probes(backend: Backend) -> list[DefaultProbe]:
    import jax
    import jax.numpy as jnp

    def a(value: Any) -> Any:
        return backend.from_numpy(np.asarray(value))

    def attention(mask: list[list[bool]]) -> Any:
        # jax.nn.dot_product_attention wants (batch, length, heads, dim)
        def as_bthd(x: list[list[float]]) -> Any:
            return a(x)[None, :, None, :]

        out = jax.nn.dot_product_attention(as_bthd(Q), as_bthd(Q), as_bthd(V),
                                           mask=a(mask)[None, None])
        return out[0, :, 0, :]

    return [
        DefaultProbe("gelu", "which GELU form by default?", "jax.nn.gelu(x)",
                     {"x": [-2.0, 1.0, 2.0]}, lambda: jax.nn.gelu(a([-2.0, 1.0, 2.0]))),
        DefaultProbe("variance", "which divisor does the variance use by default?",
                     "jnp.var(x)", {"x": VALUES}, lambda: jnp.var(a(VALUES))),
        DefaultProbe("softmax", "which axis by default?", "jax.nn.softmax(x)",
                     {"x": LOGITS}, lambda: jax.nn.softmax(a(LOGITS))),
        DefaultProbe("scaled_dot_product_attention", "which way does a boolean mask point?",
                     "jax.nn.dot_product_attention(q, k, v, mask=mask)",
                     {"q": Q, "k": Q, "v": V, "mask": CAUSAL}, lambda: attention(CAUSAL)),
        DefaultProbe("scaled_dot_product_attention", "a query that may attend to no key?",
                     "jax.nn.dot_product_attention(q, k, v, mask=mask)",
                     {"q": Q, "k": Q, "v": V, "mask": NO_KEY}, lambda: attention(NO_KEY)),
        DefaultProbe("vector_norm", "does the 2-norm survive huge entries?",
                     "jnp.linalg.norm(x)", {"x": [1e200, 1e200]},
                     lambda: jnp.linalg.norm(a([1e200, 1e200]))),
        DefaultProbe("embedding_lookup", "what does an out-of-range id give?",
                     "jnp.take(weight, ids, axis=0)", {"weight": TABLE, "ids": [5]},
                     lambda: jnp.take(a(TABLE), a([5]), axis=0)),
    ]
