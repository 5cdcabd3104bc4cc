"""Property checks of gru_cell (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import property_check
from mlcanon_reference.layers._oracle import hidden_permutation_check


@property_check("gru_hidden_permutation")
def gru_hidden_permutation(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any) -> None:
    """Renumbering the hidden units (in all three gate blocks) renumbers h'."""
    hidden_permutation_check(run, inputs, params, bound, gates=3, states=("h",),
                             outputs=("h_next",))
