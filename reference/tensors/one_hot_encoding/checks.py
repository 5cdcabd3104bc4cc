"""Property checks of one_hot_encoding (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("one_hot_rows")
def one_hot_rows(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                 dtype: str, bound: Any, *, num_classes: int) -> None:
    """Every row holds exactly one 1 (the rest 0), at the position of its label."""
    labels = inputs["labels"]
    y = run({"labels": labels}, {**params, "num_classes": num_classes})["y"]
    if y.shape != (*labels.shape, num_classes):
        msg = f"shape {y.shape}, expected {(*labels.shape, num_classes)}"
        raise CheckFailed(msg)
    if not np.all((y == 0) | (y == 1)) or not np.all(y.sum(axis=-1) == 1):
        msg = f"rows are not indicator vectors: {y!r}"
        raise CheckFailed(msg)
    if not np.array_equal(np.argmax(y, axis=-1), labels):
        msg = f"argmax of the rows {np.argmax(y, axis=-1)!r} differs from the labels {labels!r}"
        raise CheckFailed(msg)
