"""Property checks of greedy_decoding (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("greedy_follows_argmax")
def greedy_follows_argmax(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, bound: Any) -> None:
    """Each token is the first maximum of the previous token's row, read in the run's dtype."""
    table = np.asarray(inputs["logits"]).astype(dtype if dtype != "bfloat16" else np.float32)
    tokens = np.asarray(run(inputs, params)["tokens"])
    previous = int(params.get("start", 0))
    for step, token in enumerate(tokens):
        wanted = int(np.argmax(table[previous]))
        if int(token) != wanted:
            msg = f"step {step}: token {int(token)} after {previous}, argmax is {wanted}"
            raise CheckFailed(msg)
        previous = int(token)
