"""The oracle of attention_complexity: the multiply-adds of each product counted one by one
(Python integers, exact at any size)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle

INT64_MAX = 2**63 - 1


def _counts(n: int, d: int, heads: int, projections: bool, per_mac: int) -> tuple[int, int, int]:
    scores = n * n * d  # Q·Kᵀ: n·n dot products of length d
    mixing = n * n * d  # A·V: n rows of n weights times an n × d matrix
    project = 4 * n * d * d if projections else 0  # x·W for W_q, W_k, W_v, W_o
    recurrent = n * d * d  # h_t = W·h_(t-1): one d × d matrix-vector product per step
    attention = per_mac * (scores + mixing + project)
    memory = heads * n * n  # one n × n weight matrix per head
    return attention, memory, per_mac * recurrent


@oracle("attention_complexity", precision="float64")
def attention_complexity(n: np.ndarray, d: np.ndarray, *, unit: str = "flops", heads: int = 1,
                         projections: bool = False) -> dict[str, np.ndarray]:
    per_mac = {"flops": 2, "macs": 1}.get(unit)
    if per_mac is None or heads < 1:
        msg = f"unit {unit!r} / heads {heads} not accepted"
        raise ValueError(msg)
    n_all, d_all = np.broadcast_arrays(np.asarray(n), np.asarray(d))
    outputs = {name: np.zeros(n_all.shape, dtype=np.int64)
               for name in ("attention_ops", "score_memory", "rnn_ops")}
    for index in np.ndindex(*n_all.shape):
        length, width = int(n_all[index]), int(d_all[index])
        if length < 1 or width < 1:
            msg = f"need n >= 1 and d >= 1, got {length}, {width}"
            raise ValueError(msg)
        counts = _counts(length, width, heads, projections, per_mac)
        if max(counts) > INT64_MAX:
            msg = f"counts {counts} exceed int64"
            raise OverflowError(msg)
        for name, value in zip(outputs, counts, strict=True):
            outputs[name][index] = value
    return outputs
