"""The oracle of beam_search: hypotheses as Python lists, log-probabilities in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _log_softmax_rows(logits: np.ndarray) -> list[list[object]]:
    rows = []
    for row in logits:
        top = max(row)
        total = sum(mpa.mp.exp(z - top) for z in row)
        rows.append([z - top - mpa.mp.log(total) for z in row])
    return rows


@oracle("beam_search")
def beam_search(logits: np.ndarray, *, start: int = 0, steps: int = 4, beam_width: int = 2,
                length_penalty: float = 1.0,
                eos: int | None = None) -> dict[str, np.ndarray]:
    logp = _log_softmax_rows(logits)
    alpha = mpa.mpf(length_penalty)
    alive = [([], mpa.mpf(0))]  # (generated tokens, summed log-probability)
    done = []
    for _ in range(steps):
        candidates = []
        for tokens, total in alive:  # beam order, then token id: the tie order
            last = tokens[-1] if tokens else start
            candidates += [([*tokens, v], total + logp[last][v]) for v in range(len(logp))]
        order = sorted(range(len(candidates)), key=lambda i: -candidates[i][1])
        kept = [candidates[i] for i in order[:beam_width]]
        done += [c for c in kept if eos is not None and c[0][-1] == eos]
        alive = [c for c in kept if eos is None or c[0][-1] != eos]
        if not alive:
            break
    best_tokens, best_score = None, None
    for tokens, total in done + alive:
        score = total / mpa.mpf(len(tokens)) ** alpha
        if best_score is None or score > best_score:
            best_tokens, best_score = tokens, score
    padded = best_tokens + [eos] * (steps - len(best_tokens))
    return {"tokens": np.asarray(padded, dtype=np.int64), "score": np.asarray(best_score)}
