"""PyTorch native bindings: torch.optim stepping a leaf tensor with one given gradient a step."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import torch

from mlcanon import Backend, DefaultProbe, KnownDeviation, native


def _trajectory(optimizer: type[torch.optim.Optimizer], theta: torch.Tensor,
                gradients: Callable[[torch.Tensor], Iterable[torch.Tensor]],
                **options: Any) -> torch.Tensor:
    """The parameter after each step, the gradient of a step computed from the parameter."""
    param = theta.detach().clone().requires_grad_(True)
    opt = optimizer([param], **options)
    path = []
    for gradient in gradients(param):
        param.grad = gradient
        opt.step()
        path.append(param.detach().clone())
    return torch.stack(path)


@native("torch.optim.Adam")
def adam(theta: torch.Tensor, grads: torch.Tensor, *, lr: float = 0.001, beta1: float = 0.9,
         beta2: float = 0.999, eps: float = 1e-8) -> torch.Tensor:
    return _trajectory(torch.optim.Adam, theta, lambda _: grads, lr=lr,
                       betas=(beta1, beta2), eps=eps)


@native("torch.optim.AdamW")
def adamw(theta: torch.Tensor, grads: torch.Tensor, *, lr: float = 0.001, beta1: float = 0.9,
          beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.01) -> torch.Tensor:
    return _trajectory(torch.optim.AdamW, theta, lambda _: grads, lr=lr,
                       betas=(beta1, beta2), eps=eps, weight_decay=weight_decay)


@native("torch.optim.SGD")
def gradient_descent(theta: torch.Tensor, a: torch.Tensor, b: torch.Tensor, *,
                     lr: float = 0.1, steps: int = 1) -> torch.Tensor:
    # the gradient of the quadratic 1/2 θᵀAθ − bᵀθ at the current parameter
    def gradients(param: torch.Tensor) -> Iterable[torch.Tensor]:
        for _ in range(steps):
            yield a @ param.detach() - b

    return _trajectory(torch.optim.SGD, theta, gradients, lr=lr)


@native("torch.optim.SGD", only={"form": ("ema", "library")})
def sgd_momentum(theta: torch.Tensor, grads: torch.Tensor, *, lr: float = 0.01,
                 beta: float = 0.9, form: str = "ema") -> torch.Tensor:
    # the EMA's (1 - beta) weight is torch's dampening; the library form has none
    dampening = beta if form == "ema" else 0.0
    return _trajectory(torch.optim.SGD, theta, lambda _: grads, lr=lr, momentum=beta,
                       dampening=dampening)


@native("torch.optim.SGD", only={"form": ("library",)})
def nesterov_momentum(theta: torch.Tensor, a: torch.Tensor, b: torch.Tensor, *, lr: float = 0.1,
                      beta: float = 0.9, steps: int = 1, form: str = "sutskever") -> torch.Tensor:
    def gradients(param: torch.Tensor) -> Iterable[torch.Tensor]:
        for _ in range(steps):
            yield a @ param.detach() - b

    return _trajectory(torch.optim.SGD, theta, gradients, lr=lr, momentum=beta, nesterov=True)

@native("torch.optim.RMSprop", only={"eps_in_sqrt": (False,)})
def rmsprop(theta: torch.Tensor, grads: torch.Tensor, *, lr: float = 0.01, beta: float = 0.9,
            eps: float = 1e-8, eps_in_sqrt: bool = True) -> torch.Tensor:
    # torch names the decay alpha and always adds eps outside the square root
    return _trajectory(torch.optim.RMSprop, theta, lambda _: grads, lr=lr, alpha=beta, eps=eps)

@native("torch.optim.Adagrad", only={"eps_in_sqrt": (False,)})
def adagrad(theta: torch.Tensor, grads: torch.Tensor, *, lr: float = 0.01, eps: float = 1e-10,
            initial_accumulator: float = 0.0, eps_in_sqrt: bool = True) -> torch.Tensor:
    # torch always adds eps outside the square root
    return _trajectory(torch.optim.Adagrad, theta, lambda _: grads, lr=lr, eps=eps,
                       initial_accumulator_value=initial_accumulator)

@native("torch.nn.utils.clip_grad_norm_", only={"scope": ("global",)})
def gradient_clipping(grads: torch.Tensor, *, max_norm: float = 1.0,
                      scope: str = "global") -> torch.Tensor:
    # one parameter per row of grads, its .grad a copy of that row, clipped in place
    params = [torch.zeros_like(row).requires_grad_(True) for row in grads.detach()]
    for param, row in zip(params, grads, strict=True):
        param.grad = row.clone()
    torch.nn.utils.clip_grad_norm_(params, max_norm)
    return torch.stack([param.grad for param in params])

@native("torch.optim.lr_scheduler.CosineAnnealingLR",
        only={"decay": ("cosine",), "warmup_steps": (0,)})
def lr_schedule(t: torch.Tensor, *, peak_lr: float = 1.0, warmup_steps: int = 0,
                total_steps: int = 100, final_lr: float = 0.0,
                decay: str = "cosine") -> torch.Tensor:
    # the scheduler's lr after each scheduler.step(), read off at the requested steps
    param = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=peak_lr)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total_steps,
                                                           eta_min=final_lr)
    wanted = [int(step) for step in t.reshape(-1).tolist()]
    rates = [scheduler.get_last_lr()[0]]
    for _ in range(max(wanted)):
        optimizer.step()
        scheduler.step()
        rates.append(scheduler.get_last_lr()[0])
    return torch.tensor([rates[step] for step in wanted], dtype=t.dtype).reshape(t.shape)

@native("torch.Tensor.backward", only={"scale_loss": ("mean", "sum")})
def gradient_accumulation(grads: torch.Tensor, *, scale_loss: str = "mean") -> torch.Tensor:
    # one backward() per micro-batch into the same .grad, no zero_grad() in between; the
    # loss sum(param * g), scaled by 1/k for the mean, has the gradient g / k
    param = torch.zeros(grads.shape[1:], dtype=grads.dtype, requires_grad=True)
    scale = 1.0 / grads.shape[0] if scale_loss == "mean" else 1.0
    for g in grads.detach():
        ((param * g).sum() * scale).backward()
    return param.grad

# -- known deviations ------------------------------------------------------------------

_SGD_BUFFER = ("torch.optim.SGD(momentum=beta, dampening=beta) starts its buffer at the first "
               "gradient undamped (buf = g, not (1 - beta) g) and damps only later steps, so the "
               "first step is lr g, 1 / (1 - beta) times the EMA's, and a constant gradient is "
               "followed at the full step from the start (binary_exact_ema: 0.25, 0.0, -0.25 "
               "instead of 0.4375, 0.328125, 0.18359375)")
_SGD_LINK = "https://github.com/pytorch/pytorch/blob/main/torch/optim/sgd.py"
_SCHED_LINK = "https://github.com/pytorch/pytorch/blob/main/torch/optim/lr_scheduler.py"
_SCHED_PERIODIC = ("CosineAnnealingLR does not stop at T_max: its cosine continues, 0.000247 at "
                   "t = 101, 0.5 at t = 150 and back at the peak 1.0 at t = 200 (with eta_min "
                   "0.125: 0.12522 at t = 101) instead of staying at eta_min")
_CLIP_LINK = "https://github.com/pytorch/pytorch/blob/main/torch/nn/utils/clip_grad.py"
_CLIP_EPS = ("clip_grad_norm_ scales by max_norm / (norm + 1e-6), clamped to 1: every clipped "
             "gradient is about 1e-6 / norm short (relative 2e-7 at norm 5: [3, 4] -> "
             "[0.59999988, 0.79999984]) and one exactly at the threshold is still scaled "
             "(3 -> 2.9999994 at max_norm 5), beyond float64's tolerance")

KNOWN_DEVIATIONS = (
    *(KnownDeviation(concept="sgd_momentum", case=case, reason=_SGD_BUFFER, link=_SGD_LINK)
      for case in ("first_step_ema_defaults", "constant_gradient_ema", "binary_exact_ema",
                   "random_walk_ema", "random_scalar_defaults")),
    KnownDeviation(concept="sgd_momentum", case="beta_one", link=_SGD_LINK,
                   reason="torch.optim.SGD accepts momentum = 1 (it rejects only momentum < 0) "
                          "and runs a velocity that never forgets a gradient"),
    KnownDeviation(concept="nesterov_momentum", case="beta_zero_is_gradient_descent_library",
                   link=_SGD_LINK,
                   reason="torch.optim.SGD(nesterov=True) raises ValueError ('Nesterov momentum "
                          "requires a momentum and zero dampening') for momentum = 0 instead of "
                          "falling back to plain gradient descent"),
    KnownDeviation(concept="nesterov_momentum", case="beta_one", link=_SGD_LINK,
                   reason="torch.optim.SGD(nesterov=True) accepts momentum = 1 and runs"),
    *(KnownDeviation(concept="gradient_clipping", case=case, dtype="float64", link=_CLIP_LINK,
                     reason=_CLIP_EPS)
      for case in ("above_threshold_scaled", "exactly_at_threshold_unchanged",
                   "global_norm_over_tensors", "float16_square_overflows", "random_global",
                   "keeps_direction")),
    KnownDeviation(concept="gradient_clipping", case="tiny_max_norm", link=_CLIP_LINK,
                   reason="clip_grad_norm_'s 1e-6 in the divisor max_norm / (norm + 1e-6) "
                          "exceeds the norm 9.5e-7 itself: the gradient comes out 2.33e-7 "
                          "instead of 4.77e-7, clipped to less than half of max_norm"),
    KnownDeviation(concept="gradient_clipping", case="float32_square_overflows", dtype="float32",
                   link=_CLIP_LINK,
                   reason="clip_grad_norm_ sums squares in float32: (2^64)^2 overflows, the norm "
                          "is inf and the gradient [2^64, 2^64] is zeroed instead of clipped to "
                          "[0.707, 0.707]"),
    KnownDeviation(concept="gradient_clipping", case="max_norm_zero", link=_CLIP_LINK,
                   reason="clip_grad_norm_(max_norm=0) checks nothing and zeroes every gradient"),
    KnownDeviation(concept="gradient_clipping", case="grad_global_clipped", link=_CLIP_LINK,
                   reason="clip_grad_norm_ rescales .grad in place under torch.no_grad: autograd "
                          "sees only the copy into .grad, so the VJP is the cotangent itself, "
                          "not the clip's Jacobian"),
    *(KnownDeviation(concept="lr_schedule", case=case, link=_SCHED_LINK, reason=_SCHED_PERIODIC)
      for case in ("after_total_stays_final", "final_lr_floor")),
    KnownDeviation(concept="lr_schedule", case="negative_step", link=_SCHED_LINK,
                   reason="a scheduler only steps forward from step 0 and has no notion of step "
                          "-1; nothing raises (the binding, reading the rates by index, returns "
                          "the last one for -1)"),
)


# -- default probes ----------------------------------------------------------------------

_PROBE_THETA = [100.0, -1.0]
_PROBE_GRADS = [[1.0, 2.0**-17], [1.0, 2.0**-17]]  # a gradient below sqrt(eps) shows eps


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def run(optimizer: type[torch.optim.Optimizer], **options: Any) -> Callable[[], Any]:
        def call() -> torch.Tensor:
            theta = backend.from_numpy(np.asarray(_PROBE_THETA))
            grads = backend.from_numpy(np.asarray(_PROBE_GRADS))
            return _trajectory(optimizer, theta, lambda _: grads, **options)

        return call

    inputs = {"theta": _PROBE_THETA, "grads": _PROBE_GRADS}
    return [
        DefaultProbe("sgd_momentum", "which momentum by default?",
                     "torch.optim.SGD([theta], lr=0.01)", inputs,
                     run(torch.optim.SGD, lr=0.01)),
        DefaultProbe("rmsprop", "which decay and eps placement by default?",
                     "torch.optim.RMSprop([theta])", inputs, run(torch.optim.RMSprop)),
        DefaultProbe("adagrad", "which eps placement by default?",
                     "torch.optim.Adagrad([theta])", inputs, run(torch.optim.Adagrad)),
    ]
