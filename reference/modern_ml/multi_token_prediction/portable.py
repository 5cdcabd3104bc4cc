"""Multi-token prediction loss on any array namespace: two shifted cross-entropies."""

from __future__ import annotations

from typing import Any


def _mean_cross_entropy(xp: Any, logits: Any, targets: Any) -> Any:
    shifted = logits - xp.max(logits, axis=-1, keepdims=True)
    log_probs = shifted - xp.log(xp.sum(xp.exp(shifted), axis=-1, keepdims=True))
    picked = xp.take_along_axis(log_probs, targets[..., None], axis=-1)
    return -xp.mean(picked)


def multi_token_prediction(xp: Any, main_logits: Any, mtp_logits: Any, tokens: Any, *,
                           weight: float = 0.3) -> dict[str, Any]:
    if tokens.ndim != 2 or main_logits.ndim != 3 or \
            tuple(main_logits.shape[:2]) != tuple(tokens.shape) or \
            tuple(mtp_logits.shape) != tuple(main_logits.shape):
        msg = (f"main_logits {tuple(main_logits.shape)} and mtp_logits "
               f"{tuple(mtp_logits.shape)} must be (B, T, V) for tokens {tuple(tokens.shape)}")
        raise ValueError(msg)
    if tokens.shape[1] < 3:
        msg = f"T = {tokens.shape[1]} leaves no token two steps ahead: T must be >= 3"
        raise ValueError(msg)
    vocab = main_logits.shape[-1]
    if xp.any(tokens < 0) or xp.any(tokens >= vocab):
        msg = f"token ids must lie in [0, {vocab})"
        raise IndexError(msg)
    main_loss = _mean_cross_entropy(xp, main_logits[:, :-1, :], tokens[:, 1:])
    mtp_loss = _mean_cross_entropy(xp, mtp_logits[:, :-2, :], tokens[:, 2:])
    return {"loss": main_loss + weight * mtp_loss, "main_loss": main_loss, "mtp_loss": mtp_loss}
