"""The oracle of masked_language_modeling: position by position, in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _check(select: float, mask_rate: float, random_rate: float, reduction: str | None) -> None:
    rates = (select, mask_rate, random_rate, 1 - mask_rate - random_rate)
    if any(not 0 <= r <= 1 for r in rates):
        msg = f"rates outside [0, 1]: {rates}"
        raise ValueError(msg)
    if reduction not in ("mean", "sum", "none", None):
        msg = f"unknown reduction {reduction!r}"
        raise ValueError(msg)


@oracle("masked_language_modeling")
def masked_language_modeling(logits: np.ndarray, tokens: np.ndarray, u_select: np.ndarray,
                             u_action: np.ndarray, random_tokens: np.ndarray, *,
                             select: float = 0.15, mask_rate: float = 0.8,
                             random_rate: float = 0.1, mask_id: int = 103,
                             reduction: str | None = "mean") -> dict[str, object]:
    _check(select, mask_rate, random_rate, reduction)
    vocab = logits.shape[-1]
    shape = tokens.shape
    others = {u_select.shape, u_action.shape, random_tokens.shape}
    if logits.shape[:-1] != shape or others != {shape}:
        msg = "shapes differ"
        raise ValueError(msg)
    if not 0 <= mask_id < vocab:
        msg = f"mask_id {mask_id} outside the vocabulary"
        raise IndexError(msg)
    corrupted = np.array(tokens, dtype=np.int64)
    loss = np.empty(shape, dtype=object)
    counts = [0, 0, 0]
    for i in np.ndindex(shape):
        word, other = int(tokens[i]), int(random_tokens[i])
        if not (0 <= word < vocab and 0 <= other < vocab):
            msg = f"token {word} or random token {other} outside [0, {vocab})"
            raise IndexError(msg)
        loss[i] = mp.mpf(0)
        if not u_select[i] < select:
            continue
        row = logits[i]
        loss[i] = mp.log(mp.fsum(mp.exp(z) for z in row)) - row[word]  # -log P(word)
        if u_action[i] < mask_rate:
            corrupted[i], counts[0] = mask_id, counts[0] + 1
        elif u_action[i] < mask_rate + random_rate:
            corrupted[i], counts[1] = other, counts[1] + 1
        else:
            counts[2] += 1
    chosen = sum(counts)
    total = mp.fsum(loss.flat)
    if reduction == "sum":
        reduced = total
    elif reduction == "mean":
        reduced = total / chosen if chosen else mp.nan
    else:
        reduced = loss
    rates = np.array([mp.mpf(select) * mp.mpf(mask_rate), mp.mpf(select) * mp.mpf(random_rate),
                      mp.mpf(select) * (1 - mp.mpf(mask_rate) - mp.mpf(random_rate))], dtype=object)
    return {"corrupted": corrupted, "loss": reduced, "rates": rates}
