"""Array-API helpers that several optimizers' portable implementations share."""

from __future__ import annotations

from typing import Any


def check_grads(theta: Any, grads: Any) -> None:
    """grads must hold one gradient of theta's shape per step: (steps, *theta.shape)."""
    if grads.ndim != theta.ndim + 1 or tuple(grads.shape[1:]) != tuple(theta.shape):
        msg = (f"grads has shape {tuple(grads.shape)}, expected (steps, "
               f"{', '.join(map(str, theta.shape))})")
        raise ValueError(msg)


def check_quadratic(theta: Any, a: Any, b: Any, steps: int) -> None:
    """The quadratic 1/2 theta^T a theta - b^T theta of the trajectory optimizers: theta
    (n,), a (n, n), b (n,), and at least one step."""
    n = theta.shape[0] if theta.ndim == 1 else -1
    if n < 0 or tuple(a.shape) != (n, n) or tuple(b.shape) != (n,):
        msg = (f"need theta (n,), a (n, n), b (n,); got {tuple(theta.shape)}, "
               f"{tuple(a.shape)}, {tuple(b.shape)}")
        raise ValueError(msg)
    if steps < 1:
        msg = f"steps must be at least 1, got {steps}"
        raise ValueError(msg)


def check_unit_interval(name: str, value: float) -> None:
    """A decay rate must lie in [0, 1): 1 never forgets, a negative one flips signs."""
    if not 0.0 <= value < 1.0:
        msg = f"{name} must lie in [0, 1), got {value!r}"
        raise ValueError(msg)


def check_choice(name: str, value: Any, choices: tuple[Any, ...]) -> None:
    if value not in choices:
        msg = f"{name} must be one of {choices}, got {value!r}"
        raise ValueError(msg)
