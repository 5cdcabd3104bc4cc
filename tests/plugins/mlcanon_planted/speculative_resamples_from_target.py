"""Planted bug: speculative decoding that, after rejecting a drafted token, draws the
replacement from the target distribution p instead of the residual max(0, p - q); the
output then over-weights the tokens the draft likes and no longer follows the target."""

import numpy as np


def _probs(logits):
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _draw(weights, u):
    return int(np.sum(np.cumsum(weights)[:-1] <= u * weights.sum()))


def speculative_decoding(target, draft, uniforms=None, *, start=0, steps=8, draft_len=3,
                         greedy=False, seed=0):
    p, q = _probs(np.asarray(target, np.float64)), _probs(np.asarray(draft, np.float64))
    if uniforms is None:
        uniforms = np.random.default_rng(seed).random((steps, 2 * draft_len + 1))
    uniforms = np.asarray(uniforms, dtype=np.float64)
    tokens, emitted_by, last, r = [], [], start, 0
    while len(tokens) < steps:
        u, prev, proposals = uniforms[r], last, []
        for i in range(draft_len):
            prev = int(np.argmax(draft[prev])) if greedy else _draw(q[prev], u[i])
            proposals.append(prev)
        prev, done = last, False
        for i, x in enumerate(proposals):
            best = int(np.argmax(target[prev]))
            ok = x == best if greedy else u[draft_len + i] < p[prev, x] / q[prev, x]
            if not ok:
                # the bug: p[prev] where the canon draws from max(0, p[prev] - q[prev])
                fix = best if greedy else _draw(p[prev], u[2 * draft_len])
                tokens.append(fix)
                emitted_by.append(1)
                done = True
                break
            tokens.append(x)
            emitted_by.append(0)
            prev = x
        if not done:
            best = int(np.argmax(target[prev]))
            tokens.append(best if greedy else _draw(p[prev], u[2 * draft_len]))
            emitted_by.append(2)
        last, r = tokens[-1], r + 1
    return {"tokens": np.asarray(tokens[:steps], dtype=np.int64),
            "emitted_by": np.asarray(emitted_by[:steps], dtype=np.int64)}
