"""Property checks of early_stopping."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


def _same(before: dict[str, Any], after: dict[str, Any], what: str) -> None:
    pairs = [(int(before[k]), int(after[k])) for k in ("stop", "best")]
    if pairs[0][0] != pairs[0][1] or pairs[1][0] != pairs[1][1]:
        msg = (f"{what}: (stop, best) = ({pairs[0][1]}, {pairs[1][1]}), expected "
               f"({pairs[0][0]}, {pairs[1][0]})")
        raise CheckFailed(msg)


@property_check("early_stopping_mode_mirror")
def early_stopping_mode_mirror(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                               dtype: str, bound: Any) -> None:
    """Maximizing a sequence stops where minimizing its negation does."""
    base = run(inputs, {**params, "mode": "min"})
    after = run({"losses": -inputs["losses"]}, {**params, "mode": "max"})
    _same(base, after, "mode 'max' of the negated values")


@property_check("early_stopping_scale_invariant")
def early_stopping_scale_invariant(run: Any, inputs: dict[str, np.ndarray],
                                   params: dict[str, Any], dtype: str, bound: Any) -> None:
    """Only comparisons matter: doubling every value (exact in binary) keeps both epochs."""
    base = run(inputs, params)
    after = run({"losses": inputs["losses"] * 2}, params)
    _same(base, after, "values * 2")
