"""Property checks of jacobi_decoding (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("jacobi_fixed_point_is_greedy")
def jacobi_fixed_point_is_greedy(run: Any, inputs: dict[str, np.ndarray],
                                 params: dict[str, Any], dtype: str, bound: Any) -> None:
    """The fixed point is the greedy decoding of the table read in the run's dtype, and
    it takes at most n - m updates when the first m guesses of init are already right
    (0 exactly when init is the greedy decoding)."""
    table = np.asarray(inputs["logits"]).astype(dtype if dtype != "bfloat16" else np.float32)
    init = np.asarray(inputs["init"])
    greedy, previous = [], int(params.get("start", 0))
    for _ in range(init.shape[0]):
        previous = int(np.argmax(table[previous]))
        greedy.append(previous)
    out = run(inputs, params)
    tokens, iterations = out["tokens"].tolist(), int(out["iterations"])
    if tokens != greedy:
        msg = f"fixed point {tokens} from init {init.tolist()}, greedy decoding is {greedy}"
        raise CheckFailed(msg)
    right = 0
    while right < len(greedy) and int(init[right]) == greedy[right]:
        right += 1
    low, high = (0 if right == len(greedy) else 1), len(greedy) - right
    if not low <= iterations <= high:
        msg = (f"{iterations} updates from init {init.tolist()}, whose first {right} of "
               f"{len(greedy)} tokens are right: expected between {low} and {high}")
        raise CheckFailed(msg)
