"""DQN loss on any array namespace: squared TD error against the target network's max."""

from __future__ import annotations

from typing import Any

from array_api_compat import size

from mlcanon_reference.losses._portable import check_reduction, reduce


def dqn_loss(xp: Any, q: Any, actions: Any, rewards: Any, q_next: Any, dones: Any, *,
             gamma: float = 0.99, reduction: str | None = "mean") -> Any:
    _check(xp, q, actions, rewards, q_next, dones, gamma, reduction)
    taken = xp.take_along_axis(q, actions[:, None], axis=-1)[:, 0]
    # terminal transitions do not bootstrap: where, not (1 - done) * max, so that an inf or
    # nan value estimate of a terminal state cannot leak in as 0 * inf
    bootstrap = xp.where(dones != 0, xp.zeros_like(rewards), gamma * xp.max(q_next, axis=-1))
    td = rewards + bootstrap - taken
    return reduce(xp, td * td, reduction)


def _check(xp: Any, q: Any, actions: Any, rewards: Any, q_next: Any, dones: Any,
           gamma: float, reduction: str | None) -> None:
    check_reduction(reduction)
    if q.ndim != 2 or tuple(q_next.shape) != tuple(q.shape):
        msg = f"q and q_next must both be (N, A), got {tuple(q.shape)}, {tuple(q_next.shape)}"
        raise ValueError(msg)
    n = q.shape[0]
    for name, value in (("actions", actions), ("rewards", rewards), ("dones", dones)):
        if tuple(value.shape) != (n,):
            msg = f"{name} must have shape ({n},), got {tuple(value.shape)}"
            raise ValueError(msg)
    if not 0 <= gamma <= 1:
        msg = f"gamma must lie in [0, 1], got {gamma!r}"
        raise ValueError(msg)
    if size(actions) and (int(xp.min(actions)) < 0 or int(xp.max(actions)) >= q.shape[1]):
        msg = f"actions must lie in [0, {q.shape[1]})"
        raise IndexError(msg)
