"""Planted bug: the masked-LM loss averaged over every position of the batch (unselected
positions count as zero loss) instead of over the selected tokens, so the loss shrinks with
the selection rate (by about 0.15 at BERT's rate)."""

import numpy as np


def masked_language_modeling(logits, tokens, u_select, u_action, random_tokens, *,
                             select=0.15, mask_rate=0.8, random_rate=0.1, mask_id=103,
                             reduction="mean"):
    rates = (select, mask_rate, random_rate, 1.0 - mask_rate - random_rate)
    if not all(0.0 <= r <= 1.0 for r in rates) or reduction not in ("mean", "sum", "none", None):
        raise ValueError("bad rates or reduction")
    if logits.shape[:-1] != tokens.shape or u_select.shape != tokens.shape or \
            u_action.shape != tokens.shape or random_tokens.shape != tokens.shape:
        raise ValueError("shapes differ")
    vocab = logits.shape[-1]
    if not 0 <= mask_id < vocab or np.any((tokens < 0) | (tokens >= vocab)) or \
            np.any((random_tokens < 0) | (random_tokens >= vocab)):
        raise IndexError("id outside the vocabulary")
    chosen = u_select.astype(np.float64) < select
    action = u_action.astype(np.float64)
    masked = chosen & (action < mask_rate)
    randomized = chosen & ~masked & (action < mask_rate + random_rate)
    corrupted = np.where(masked, mask_id, np.where(randomized, random_tokens, tokens))
    shifted = logits - logits.max(axis=-1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=-1))
    picked = np.take_along_axis(shifted, tokens[..., None], axis=-1)[..., 0]
    loss = np.where(chosen, log_norm - picked, 0.0).astype(logits.dtype)
    if reduction == "sum":
        loss = loss.sum()
    elif reduction == "mean":
        loss = loss.mean()  # the bug: divides by every position, not by chosen.sum()
    out_rates = np.array([select * mask_rate, select * random_rate, select * rates[3]],
                         dtype=logits.dtype)
    return {"corrupted": corrupted, "loss": loss, "rates": out_rates}
