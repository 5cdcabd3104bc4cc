"""Full-batch Adam on a one-hidden-layer tanh MLP with a logit output and the logistic loss."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import check_int


def _check(x: Any, y: Any, weight1: Any, bias1: Any, weight2: Any, bias2: Any, lr: float,
           beta1: float, beta2: float, eps: float, steps: int) -> None:
    check_int(steps, "steps", 0)
    if not (lr >= 0 and 0 <= beta1 < 1 and 0 <= beta2 < 1 and eps >= 0):
        msg = (f"need lr >= 0, 0 <= beta1, beta2 < 1 and eps >= 0; got lr = {lr!r}, betas = "
               f"({beta1!r}, {beta2!r}), eps = {eps!r}")
        raise ValueError(msg)
    hidden = weight1.shape[0]
    if (x.ndim != 2 or tuple(y.shape) != (x.shape[0],) or weight1.ndim != 2
            or weight1.shape[1] != x.shape[1] or tuple(bias1.shape) != (hidden,)
            or tuple(weight2.shape) != (1, hidden) or tuple(bias2.shape) != (1,)):
        msg = (f"shapes disagree: x {tuple(x.shape)} (N, d), y {tuple(y.shape)} (N,), weight1 "
               f"{tuple(weight1.shape)} (H, d), bias1 {tuple(bias1.shape)}, weight2 "
               f"{tuple(weight2.shape)} (1, H), bias2 {tuple(bias2.shape)} (1,)")
        raise ValueError(msg)


def _loss_and_grads(xp: Any, x: Any, y: Any, params: list[Any]) -> tuple[Any, list[Any]]:
    weight1, bias1, weight2, bias2 = params
    h = xp.tanh(xp.matmul(x, xp.matrix_transpose(weight1)) + bias1)
    z = xp.matmul(h, xp.matrix_transpose(weight2))[:, 0] + bias2
    # softplus(z) − y·z without overflow: max(z, 0) + log1p(e^−|z|) − y·z
    loss = xp.mean(xp.maximum(z, xp.zeros_like(z)) + xp.log1p(xp.exp(-xp.abs(z))) - y * z)
    dz = ((0.5 * (xp.tanh(0.5 * z) + 1.0)) - y) / x.shape[0]
    d_pre = dz[:, None] * weight2 * (1 - h * h)
    grads = [xp.matmul(xp.matrix_transpose(d_pre), x), xp.sum(d_pre, axis=0),
             xp.matmul(dz[None, :], h), xp.sum(dz, axis=0, keepdims=True)]
    return loss, grads


def mlp_training_pytorch(xp: Any, x: Any, y: Any, weight1: Any, bias1: Any, weight2: Any,
                         bias2: Any, *, lr: float = 0.05, beta1: float = 0.9,
                         beta2: float = 0.999, eps: float = 1e-8,
                         steps: int = 1) -> tuple[Any, ...]:
    _check(x, y, weight1, bias1, weight2, bias2, lr, beta1, beta2, eps, steps)
    params = [weight1, bias1, weight2, bias2]
    first = [xp.zeros_like(p) for p in params]
    second = [xp.zeros_like(p) for p in params]
    losses = []
    for t in range(1, steps + 1):
        loss, grads = _loss_and_grads(xp, x, y, params)
        losses.append(loss)
        first = [beta1 * m + (1 - beta1) * g for m, g in zip(first, grads, strict=True)]
        second = [beta2 * v + (1 - beta2) * g * g for v, g in zip(second, grads, strict=True)]
        params = [p - lr * (m / (1 - beta1**t)) / (xp.sqrt(v / (1 - beta2**t)) + eps)
                  for p, m, v in zip(params, first, second, strict=True)]
    history = xp.stack(losses) if losses else xp.zeros((0,), dtype=x.dtype)
    return (*params, history)
