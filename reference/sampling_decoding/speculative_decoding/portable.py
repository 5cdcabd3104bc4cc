"""Speculative decoding on any array namespace, with bigram tables for both models.

The probabilities (softmax of each row) and the argmax of each row are computed by the
array namespace once; the rounds of propose, verify and correct are a sequential
procedure on those numbers and run on the host.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from array_api_compat import device


def _validate(target: Any, draft: Any, uniforms: Any, start: int, steps: int,
              draft_len: int) -> None:
    v = target.shape[0] if target.ndim == 2 else -1
    if v < 1 or target.shape[1] != v or tuple(draft.shape) != (v, v):
        msg = (f"target and draft must be square (V, V) tables of the same vocabulary, got "
               f"{tuple(target.shape)} and {tuple(draft.shape)}")
        raise ValueError(msg)
    if steps < 1 or draft_len < 1:
        msg = f"steps and draft_len must be at least 1, got {steps} and {draft_len}"
        raise ValueError(msg)
    if not 0 <= start < v:
        msg = f"start {start} must be a token id in [0, {v})"
        raise ValueError(msg)
    if uniforms is not None and tuple(uniforms.shape) != (steps, 2 * draft_len + 1):
        msg = (f"uniforms must have shape (steps, 2 * draft_len + 1) = "
               f"{(steps, 2 * draft_len + 1)}, got {tuple(uniforms.shape)}")
        raise ValueError(msg)


def _host(table: Any) -> list[list[float]]:
    return [[float(table[i, j]) for j in range(table.shape[1])] for i in range(table.shape[0])]


def _softmax_rows(xp: Any, logits: Any) -> Any:
    e = xp.exp(logits - xp.max(logits, axis=-1, keepdims=True))
    return e / xp.sum(e, axis=-1, keepdims=True)


def _draw(weights: list[float], u: float) -> int:
    """Inverse CDF over unnormalised weights; zero-weight tokens are never drawn."""
    threshold, cumulative = u * sum(weights), 0.0
    last = max(i for i, w in enumerate(weights) if w > 0)
    for i, w in enumerate(weights[:last]):
        cumulative += w
        if threshold < cumulative:
            return i
    return last


class _Models:
    def __init__(self, xp: Any, target: Any, draft: Any, greedy: bool) -> None:
        self.greedy = greedy
        best_p, best_q = xp.argmax(target, axis=-1), xp.argmax(draft, axis=-1)
        self.best_p = [int(best_p[i]) for i in range(target.shape[0])]
        self.best_q = [int(best_q[i]) for i in range(draft.shape[0])]
        if not greedy:
            self.p = _host(_softmax_rows(xp, target))
            self.q = _host(_softmax_rows(xp, draft))

    def propose(self, prev: int, u: float) -> int:
        return self.best_q[prev] if self.greedy else _draw(self.q[prev], u)

    def accepts(self, prev: int, x: int, u: float) -> bool:
        if self.greedy:
            return x == self.best_p[prev]
        return u * self.q[prev][x] < self.p[prev][x]  # u < p / q without dividing

    def correct(self, prev: int, u: float) -> int:
        if self.greedy:
            return self.best_p[prev]
        return _draw([max(0.0, a - b) for a, b in zip(self.p[prev], self.q[prev],
                                                        strict=True)], u)

    def bonus(self, prev: int, u: float) -> int:
        return self.best_p[prev] if self.greedy else _draw(self.p[prev], u)


def _round(models: _Models, last: int, gamma: int, u: list[float]) -> list[tuple[int, int]]:
    proposals, prev = [], last
    for i in range(gamma):
        prev = models.propose(prev, u[i])
        proposals.append(prev)
    out, prev = [], last
    for i, x in enumerate(proposals):
        if not models.accepts(prev, x, u[gamma + i]):
            return [*out, (models.correct(prev, u[2 * gamma]), 1)]
        out.append((x, 0))
        prev = x
    return [*out, (models.bonus(prev, u[2 * gamma]), 2)]


def speculative_decoding(xp: Any, target: Any, draft: Any, uniforms: Any = None, *,
                         start: int = 0, steps: int = 8, draft_len: int = 3,
                         greedy: bool = False, seed: int = 0) -> dict[str, Any]:
    _validate(target, draft, uniforms, start, steps, draft_len)
    models = _Models(xp, target, draft, greedy)
    if uniforms is None:
        # the reference stream: numpy's default_rng(seed), one row of draws per round
        draws = np.random.default_rng(seed).random((steps, 2 * draft_len + 1)).tolist()
    else:
        draws = _host(uniforms)
        if not all(0 <= u < 1 for row in draws for u in row):
            msg = "uniforms must lie in [0, 1)"
            raise ValueError(msg)
    emitted: list[tuple[int, int]] = []
    last, r = start, 0
    while len(emitted) < steps:
        emitted += _round(models, last, draft_len, draws[r])
        last, r = emitted[-1][0], r + 1
    emitted = emitted[:steps]
    like = {"dtype": xp.int64, "device": device(target)}
    return {"tokens": xp.asarray([t for t, _ in emitted], **like),
            "emitted_by": xp.asarray([b for _, b in emitted], **like)}
