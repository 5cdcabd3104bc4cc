"""The oracle of span_corruption: walk the sequence span by span (plain Python lists)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("span_corruption", precision="float64")
def span_corruption(tokens: np.ndarray, span_mask: np.ndarray, *,
                    first_sentinel: int = 32099) -> dict[str, np.ndarray]:
    if tokens.ndim != 1 or tokens.shape != span_mask.shape:
        msg = f"tokens {tokens.shape} and span_mask {span_mask.shape}: need one 1-D shape"
        raise ValueError(msg)
    inputs: list[int] = []
    targets: list[int] = []
    spans = 0
    for i, token in enumerate(tokens.tolist()):
        if not span_mask[i]:
            inputs.append(token)
            continue
        if i == 0 or not span_mask[i - 1]:  # a new span: one sentinel in each sequence
            sentinel = first_sentinel - spans
            spans += 1
            inputs.append(sentinel)
            targets.append(sentinel)
        targets.append(token)
    if first_sentinel - spans < 0:
        msg = f"{spans + 1} sentinels counting down from {first_sentinel} go below 0"
        raise ValueError(msg)
    targets.append(first_sentinel - spans)  # the closing sentinel
    return {"inputs": np.array(inputs, dtype=np.int64),
            "targets": np.array(targets, dtype=np.int64)}
