"""Property checks of span_corruption (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("span_corruption_roundtrip")
def span_corruption_roundtrip(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any) -> None:
    """Putting each span from the targets back in place of its sentinel in the inputs
    restores the original tokens (token ids stay below the sentinels here)."""
    out = run(inputs, params)
    first = int(params.get("first_sentinel", 32099))
    spans: dict[int, list[int]] = {}
    current = None
    for token in out["targets"].tolist():
        if token > first - len(inputs["tokens"]) - 1:  # a sentinel id
            current = token
            spans[current] = []
        elif current is None:
            msg = f"targets {out['targets'].tolist()} do not start with a sentinel"
            raise CheckFailed(msg)
        else:
            spans[current].append(token)
    rebuilt: list[int] = []
    for token in out["inputs"].tolist():
        rebuilt.extend(spans.get(token, [token]))
    if rebuilt != inputs["tokens"].tolist():
        msg = f"rebuilt {rebuilt}, expected {inputs['tokens'].tolist()}"
        raise CheckFailed(msg)
