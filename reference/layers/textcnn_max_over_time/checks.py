"""Property checks of textcnn_max_over_time (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("reversed_sentence_flipped_filters")
def reversed_sentence_flipped_filters(run: Any, inputs: dict[str, np.ndarray],
                                      params: dict[str, Any], dtype: str, bound: Any) -> None:
    """Reading the sentence backwards with every filter flipped in time gives the same
    features: each window meets its mirror image, and the max does not care where it is."""
    moved = {name: np.ascontiguousarray(value[:, ::-1] if name == "x" else
                                        value[..., ::-1] if name.startswith("weight") else value)
             for name, value in inputs.items()}
    base = run(inputs, params)["y"].astype(np.float64)
    assert_close(run(moved, params)["y"], base, bound,
                 "features of the reversed sentence with time-flipped filters")
