"""DPO loss on any array namespace: softplus of the negated scaled log-ratio margin."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.losses._portable import check_reduction, check_same_shape, reduce


def dpo_loss(xp: Any, policy_chosen_logps: Any, policy_rejected_logps: Any,
             ref_chosen_logps: Any, ref_rejected_logps: Any, *, beta: float = 0.1,
             reduction: str | None = "mean") -> Any:
    check_reduction(reduction)
    for name, other in (("policy_rejected_logps", policy_rejected_logps),
                        ("ref_chosen_logps", ref_chosen_logps),
                        ("ref_rejected_logps", ref_rejected_logps)):
        check_same_shape(policy_chosen_logps, other, "policy_chosen_logps", name)
    if not beta > 0:
        msg = f"beta must be positive, got {beta!r}"
        raise ValueError(msg)
    # each log-ratio first: summed sequence log-probs are large, their differences small
    margin = ((policy_chosen_logps - ref_chosen_logps)
              - (policy_rejected_logps - ref_rejected_logps))
    return reduce(xp, _softplus(xp, -beta * margin), reduction)


def _softplus(xp: Any, u: Any) -> Any:
    """ln(1 + e^u) = max(u, 0) + ln(1 + e^-|u|): no overflow at u = 1000."""
    relu = xp.maximum(u, 0.0)
    # -|u| as u - 2 max(u, 0): with autograd's even split of the tie at u = 0 the slope
    # there is 1/2 = sigmoid(0), as it should be
    return relu + xp.log1p(xp.exp(u - 2 * relu))
