"""Property checks of rnn_cell (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import property_check
from mlcanon_reference.layers._oracle import hidden_permutation_check


@property_check("rnn_hidden_permutation")
def rnn_hidden_permutation(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any) -> None:
    """Renumbering the hidden units renumbers h_next the same way."""
    hidden_permutation_check(run, inputs, params, bound, gates=1, states=("h",),
                             outputs=("h_next",))
