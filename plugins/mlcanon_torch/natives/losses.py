"""PyTorch native bindings: losses (torch.nn.functional)."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from mlcanon import Backend, DefaultProbe, KnownDeviation, native

DOCS = "https://pytorch.org/docs/stable/generated/"


def _reduction(reduction: str | None) -> str:
    return "none" if reduction is None else reduction  # the spec's "none" arrives as None


@native("torch.nn.functional.mse_loss")
def mse_loss(pred: torch.Tensor, target: torch.Tensor, *, reduction: str | None = "mean"
             ) -> torch.Tensor:
    return F.mse_loss(pred, target, reduction=_reduction(reduction))


@native("torch.nn.functional.binary_cross_entropy")
def binary_cross_entropy(p: torch.Tensor, y: torch.Tensor, *, reduction: str | None = "mean"
                         ) -> torch.Tensor:
    return F.binary_cross_entropy(p, y, reduction=_reduction(reduction))


@native("torch.nn.functional.binary_cross_entropy_with_logits")
def bce_with_logits(logits: torch.Tensor, y: torch.Tensor, *, reduction: str | None = "mean"
                    ) -> torch.Tensor:
    return F.binary_cross_entropy_with_logits(logits, y, reduction=_reduction(reduction))


@native("torch.nn.functional.cross_entropy")
def cross_entropy_from_logits(logits: torch.Tensor, target: torch.Tensor, *,
                              reduction: str | None = "mean") -> torch.Tensor:
    # F.cross_entropy wants the classes on axis 1: flatten (..., V) to (N, V) and back
    n_classes = logits.shape[-1]
    loss = F.cross_entropy(logits.reshape(-1, n_classes), target.reshape(-1),
                           reduction=_reduction(reduction))
    return loss.reshape(target.shape) if _reduction(reduction) == "none" else loss


@native("torch.nn.functional.huber_loss")
def huber_loss(pred: torch.Tensor, target: torch.Tensor, *, delta: float = 1.0,
               reduction: str | None = "mean") -> torch.Tensor:
    return F.huber_loss(pred, target, reduction=_reduction(reduction), delta=delta)



@native("torch.nn.functional.l1_loss")
def mae_loss(pred: torch.Tensor, target: torch.Tensor, *, reduction: str | None = "mean"
             ) -> torch.Tensor:
    return F.l1_loss(pred, target, reduction=_reduction(reduction))



@native("torch.nn.functional.gaussian_nll_loss")
def gaussian_nll(pred: torch.Tensor, target: torch.Tensor, var: torch.Tensor, *,
                 full: bool = True, eps: float = 1e-6, reduction: str | None = "mean"
                 ) -> torch.Tensor:
    return F.gaussian_nll_loss(pred, target, var, full=full, eps=eps,
                               reduction=_reduction(reduction))


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def t(value: Any) -> torch.Tensor:
        return backend.from_numpy(np.asarray(value, dtype=np.float64))

    pred, target = [0.5, 3.0], [0.0, 0.0]
    return [
        DefaultProbe("huber_loss", "which delta by default?", "F.huber_loss(pred, target)",
                     {"pred": pred, "target": target},
                     lambda: F.huber_loss(t(pred), t(target))),
        DefaultProbe("huber_loss", "is smooth_l1_loss the same curve by default?",
                     "F.smooth_l1_loss(pred, target)", {"pred": pred, "target": target},
                     lambda: F.smooth_l1_loss(t(pred), t(target))),
        DefaultProbe("gaussian_nll", "is the constant ln(2 pi) / 2 included by default?",
                     "F.gaussian_nll_loss(pred, target, var)",
                     {"pred": [0.0], "target": [0.0], "var": [1.0]},
                     lambda: F.gaussian_nll_loss(t([0.0]), t([0.0]), t([1.0]))),
    ]


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="huber_loss", case="column_against_row",
        reason="F.huber_loss broadcasts a (3, 1) input against a (3,) target to (3, 3) with "
               "only a UserWarning: the mean of the 9 pairwise losses is 0.5556 instead of an "
               "error",
        link=DOCS + "torch.nn.functional.huber_loss.html",
    ),
    KnownDeviation(
        concept="mae_loss", case="column_against_row",
        reason="F.l1_loss broadcasts a (3, 1) input against a (3,) target to (3, 3) with only "
               "a UserWarning instead of an error",
        link=DOCS + "torch.nn.functional.l1_loss.html",
    ),
    KnownDeviation(
        concept="gaussian_nll", case="zero_variance_eps_zero",
        reason="F.gaussian_nll_loss with eps=0 takes a zero variance without an error: the "
               "element with residual 0 and var 0 is nan (0/0 after ln 0 = -inf)",
        link=DOCS + "torch.nn.functional.gaussian_nll_loss.html",
    ),
    KnownDeviation(
        concept="gaussian_nll", case="negative_eps",
        reason="F.gaussian_nll_loss accepts eps=-1 without an error (the clamp then does "
               "nothing)",
        link=DOCS + "torch.nn.functional.gaussian_nll_loss.html",
    ),
    KnownDeviation(
        concept="gaussian_nll", case="var_one_axis_short",
        reason="F.gaussian_nll_loss accepts a (2,) var against (2, 3) input and target and "
               "broadcasts it as one variance per row (a homoscedastic-per-row shortcut)",
        link=DOCS + "torch.nn.functional.gaussian_nll_loss.html",
    ),
    KnownDeviation(
        concept="gaussian_nll", case="grad_clamped_variance",
        reason="F.gaussian_nll_loss clamps var at eps inside torch.no_grad(), so the gradient "
               "of a clamped variance is that of the loss at eps passed through, not 0: "
               "var = 1/16 with eps = 0.25 and r = 1 gets -6.0 (= (1 - r^2/eps) / (2 eps))",
        link=DOCS + "torch.nn.functional.gaussian_nll_loss.html",
    ),
)
