"""Bradley-Terry reward-model loss on any array namespace: softplus(r_l - r_w)."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.losses._portable import check_reduction, check_same_shape, reduce


def rlhf_reward_model_loss(xp: Any, chosen_rewards: Any, rejected_rewards: Any, *,
                           reduction: str | None = "mean") -> Any:
    check_reduction(reduction)
    check_same_shape(chosen_rewards, rejected_rewards, "chosen_rewards", "rejected_rewards")
    u = rejected_rewards - chosen_rewards
    relu = xp.maximum(u, 0.0)
    # softplus(u) = max(u, 0) + ln(1 + e^-|u|), -|u| written as u - 2 max(u, 0) so that
    # autograd's even split of the tie at u = 0 gives the slope sigmoid(0) = 1/2
    return reduce(xp, relu + xp.log1p(xp.exp(u - 2 * relu)), reduction)
