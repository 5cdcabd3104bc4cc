"""Property checks of lstm_cell (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import property_check
from mlcanon_reference.layers._oracle import hidden_permutation_check


@property_check("lstm_hidden_permutation")
def lstm_hidden_permutation(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                            dtype: str, bound: Any) -> None:
    """Renumbering the hidden units (in all four gate blocks) renumbers h' and c'."""
    hidden_permutation_check(run, inputs, params, bound, gates=4, states=("h", "c"),
                             outputs=("h_next", "c_next"))
