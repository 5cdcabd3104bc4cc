"""Skip-gram with negative sampling on any array namespace.

The (center, context) positions depend only on the corpus length and the window, so they
are enumerated on the host; tokens and embeddings are gathered with take.
"""

from __future__ import annotations

from typing import Any

from array_api_compat import device, size

from mlcanon_reference.losses._portable import check_reduction, reduce


def skipgram_negative_sampling(xp: Any, tokens: Any, w_in: Any, w_out: Any, negatives: Any, *,
                               window: int = 2, reduction: str | None = "mean"
                               ) -> dict[str, Any]:
    check_reduction(reduction)
    if window < 1:
        msg = f"window must be at least 1, got {window}"
        raise ValueError(msg)
    where = device(tokens)
    centers, contexts = _positions(tokens.shape[0], window)
    _check_ids(xp, tokens, negatives, w_in.shape[0], len(centers))
    center = xp.take(tokens, xp.asarray(centers, dtype=xp.int64, device=where), axis=0)
    context = xp.take(tokens, xp.asarray(contexts, dtype=xp.int64, device=where), axis=0)
    v_in = xp.take(w_in, center, axis=0)  # (P, D)
    positive = xp.sum(v_in * xp.take(w_out, context, axis=0), axis=-1)
    pairs, draws = negatives.shape
    v_neg = xp.reshape(xp.take(w_out, xp.reshape(negatives, (-1,)), axis=0),
                       (pairs, draws, w_out.shape[1]))
    negative = xp.sum(v_in[:, None, :] * v_neg, axis=-1)  # (P, K)
    loss = _softplus(xp, -positive) + xp.sum(_softplus(xp, negative), axis=-1)
    mean = None if pairs else (lambda x: xp.sum(x) / 0.0)  # no pairs: 0 / 0 = NaN
    counts = xp.sum(xp.astype(tokens[:, None] == xp.arange(w_in.shape[0], device=where)[None, :],
                              w_in.dtype), axis=0)
    weights = counts**0.75
    return {"loss": reduce(xp, loss, reduction, mean),
            "pairs": xp.stack([center, context], axis=1),
            "pair_count": xp.asarray(pairs, dtype=xp.int64, device=where),
            "noise": weights / xp.sum(weights)}


def _softplus(xp: Any, x: Any) -> Any:
    """-log sigmoid(-x) = log(1 + e^x) without overflow at |x| of 100 or more."""
    return xp.maximum(x, xp.zeros_like(x)) + xp.log1p(xp.exp(-xp.abs(x)))


def _positions(length: int, window: int) -> tuple[list[int], list[int]]:
    """Center and context positions: each center in order, contexts left to right, the
    window cut at the corpus edges."""
    found = [(t, j) for t in range(length) for j in range(t - window, t + window + 1)
             if j != t and 0 <= j < length]
    return [t for t, _ in found], [j for _, j in found]


def _check_ids(xp: Any, tokens: Any, negatives: Any, vocab: int, pairs: int) -> None:
    if negatives.ndim != 2 or negatives.shape[0] != pairs:
        msg = f"{pairs} pairs need negatives of shape ({pairs}, K), got {tuple(negatives.shape)}"
        raise ValueError(msg)
    for name, ids in (("tokens", tokens), ("negatives", negatives)):
        if size(ids) and (int(xp.min(ids)) < 0 or int(xp.max(ids)) >= vocab):
            msg = f"{name} must lie in [0, {vocab}), got [{int(xp.min(ids))}, {int(xp.max(ids))}]"
            raise IndexError(msg)


