"""The oracle of speculative_decoding: rounds of propose, verify, correct, with mpmath
probabilities and Python lists (a transcription of Leviathan et al.'s algorithm)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _probabilities(logits: np.ndarray) -> list[list[object]]:
    rows = []
    for row in logits:
        top = max(row)
        e = [mpa.mp.exp(z - top) for z in row]
        rows.append([x / sum(e) for x in e])
    return rows


def _draw(weights: list[object], u: object) -> int:
    """The smallest i with u * total < w_0 + ... + w_i (inverse CDF; weights unnormalised)."""
    threshold = u * sum(weights)
    cumulative = mpa.mpf(0)
    for i, w in enumerate(weights):
        cumulative += w
        if threshold < cumulative:
            return i
    msg = "no token drawn: the weights are all zero"
    raise ValueError(msg)


def _first_max(row: np.ndarray) -> int:
    best = 0
    for i in range(len(row)):
        if row[i] > row[best]:
            best = i
    return best


def _round(p: list, q: list, target: np.ndarray, draft: np.ndarray, last: int, gamma: int,
           greedy: bool, u: np.ndarray | None) -> list[tuple[int, int]]:
    """One round from the last token: the emitted (token, emitted_by) pairs."""
    proposals, prev = [], last
    for i in range(gamma):
        prev = _first_max(draft[prev]) if greedy else _draw(q[prev], u[i])
        proposals.append(prev)
    out, prev = [], last
    for i, x in enumerate(proposals):
        if greedy:
            accepted = x == _first_max(target[prev])
        else:
            accepted = u[gamma + i] < p[prev][x] / q[prev][x]
        if not accepted:
            if greedy:
                fix = _first_max(target[prev])
            else:
                residual = [max(mpa.mpf(0), a - b) for a, b in zip(p[prev], q[prev], strict=True)]
                fix = _draw(residual, u[2 * gamma])
            return [*out, (fix, 1)]
        out.append((x, 0))
        prev = x
    bonus = _first_max(target[prev]) if greedy else _draw(p[prev], u[2 * gamma])
    return [*out, (bonus, 2)]


@oracle("speculative_decoding")
def speculative_decoding(target: np.ndarray, draft: np.ndarray,
                         uniforms: np.ndarray | None = None, *, start: int = 0,
                         steps: int = 8, draft_len: int = 3, greedy: bool = False,
                         seed: int = 0) -> dict[str, np.ndarray]:
    if uniforms is None and not greedy:
        msg = "sampled speculative decoding has a seed-free answer only with given uniforms"
        raise ValueError(msg)
    p, q = _probabilities(target), _probabilities(draft)
    emitted: list[tuple[int, int]] = []
    last, r = start, 0
    while len(emitted) < steps:
        emitted += _round(p, q, target, draft, last, draft_len, greedy,
                          None if greedy else uniforms[r])
        last, r = emitted[-1][0], r + 1
    emitted = emitted[:steps]
    return {"tokens": np.asarray([t for t, _ in emitted], dtype=np.int64),
            "emitted_by": np.asarray([b for _, b in emitted], dtype=np.int64)}
