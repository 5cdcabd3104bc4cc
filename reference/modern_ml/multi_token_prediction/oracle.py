"""The oracle of multi_token_prediction: both cross-entropies term by term (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _cross_entropy(row: np.ndarray, target: int) -> object:
    if not 0 <= target < len(row):
        msg = f"token {target} outside [0, {len(row)})"
        raise IndexError(msg)
    top = max(row)
    return top + mp.log(sum(mp.exp(v - top) for v in row)) - row[target]


@oracle("multi_token_prediction")
def multi_token_prediction(main_logits: np.ndarray, mtp_logits: np.ndarray,
                           tokens: np.ndarray, *, weight: float = 0.3) -> dict[str, object]:
    batch, steps = tokens.shape
    if steps < 3 or main_logits.shape != mtp_logits.shape or \
            main_logits.shape[:2] != (batch, steps):
        msg = "need T >= 3 and (B, T, V) logits for (B, T) tokens"
        raise ValueError(msg)
    main = [_cross_entropy(main_logits[b, t], int(tokens[b, t + 1]))
            for b in range(batch) for t in range(steps - 1)]
    ahead = [_cross_entropy(mtp_logits[b, t], int(tokens[b, t + 2]))
             for b in range(batch) for t in range(steps - 2)]
    main_loss, mtp_loss = sum(main) / len(main), sum(ahead) / len(ahead)
    return {"loss": main_loss + mp.mpf(weight) * mtp_loss, "main_loss": main_loss,
            "mtp_loss": mtp_loss}
