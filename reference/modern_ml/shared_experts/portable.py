"""Shared experts on any array namespace: routed + sum of (gated) shared outputs."""

from __future__ import annotations

from typing import Any


def _sigmoid(xp: Any, z: Any) -> Any:
    # exp of the negative magnitude only: no overflow in either tail
    e = xp.exp(-xp.abs(z))
    return xp.where(z >= 0, 1 / (1 + e), e / (1 + e))


def shared_experts(xp: Any, routed: Any, shared_outputs: Any,
                   shared_gate_logits: Any = None) -> Any:
    want = (*routed.shape[:-1], shared_outputs.shape[-2] if shared_outputs.ndim >= 2 else -1,
            routed.shape[-1] if routed.ndim else -1)
    if routed.ndim < 1 or tuple(shared_outputs.shape) != want:
        msg = (f"shared_outputs {tuple(shared_outputs.shape)} must be routed's shape "
               f"{tuple(routed.shape)} with a shared-expert axis before the last")
        raise ValueError(msg)
    if shared_gate_logits is not None and \
            tuple(shared_gate_logits.shape) != tuple(shared_outputs.shape[:-1]):
        msg = (f"shared_gate_logits {tuple(shared_gate_logits.shape)} must be "
               f"{tuple(shared_outputs.shape[:-1])}, one logit per shared expert and token")
        raise ValueError(msg)
    if shared_gate_logits is None:
        return routed + xp.sum(shared_outputs, axis=-2)
    weights = _sigmoid(xp, shared_gate_logits)[..., None]
    return routed + xp.sum(weights * shared_outputs, axis=-2)
