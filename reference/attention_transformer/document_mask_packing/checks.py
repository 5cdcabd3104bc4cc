"""Property checks of document_mask_packing (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("packed_equals_separate_documents")
def packed_equals_separate_documents(run: Any, inputs: dict[str, np.ndarray],
                                     params: dict[str, Any], dtype: str, bound: Any) -> None:
    """The rows of each document equal attention over that document's tokens alone."""
    packed = run(inputs, params)["y"].astype(np.float64)
    ids = inputs["doc_ids"]
    for doc in np.unique(ids):
        keep = np.flatnonzero(ids == doc)
        alone = {name: np.take(inputs[name], keep, axis=-2) for name in ("q", "k", "v")}
        alone["doc_ids"] = ids[keep]
        y = run(alone, params)["y"]
        assert_close(y, packed[keep], bound,
                     f"document {doc} (tokens {keep.tolist()}) alone versus packed")
