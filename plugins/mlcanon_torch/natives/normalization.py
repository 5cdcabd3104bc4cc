"""PyTorch native bindings: normalization (standardize has no torch op)."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

from mlcanon import Backend, DefaultProbe, KnownDeviation, native


@native("torch.nn.functional.layer_norm")
def layer_norm(x: torch.Tensor, weight: torch.Tensor | None = None,
               bias: torch.Tensor | None = None, *, eps: float = 1e-5) -> torch.Tensor:
    return F.layer_norm(x, x.shape[-1:], weight, bias, eps)


@native("torch.nn.functional.rms_norm")
def rms_norm(x: torch.Tensor, weight: torch.Tensor | None = None, *,
             eps: float = 1e-6) -> torch.Tensor:
    return F.rms_norm(x, x.shape[-1:], weight, eps)


@native("torch.nn.functional.batch_norm")
def batch_norm(x: torch.Tensor, running_mean: torch.Tensor, running_var: torch.Tensor,
               weight: torch.Tensor | None = None, bias: torch.Tensor | None = None, *,
               eps: float = 1e-5, momentum: float = 0.1) -> tuple[torch.Tensor, ...]:
    # F.batch_norm updates the running statistics in place: it gets copies
    new_mean, new_var = running_mean.clone(), running_var.clone()
    y = F.batch_norm(x, new_mean, new_var, weight, bias, training=True, momentum=momentum,
                     eps=eps)
    return y, new_mean, new_var


@native("torch.nn.functional.group_norm")
def group_norm(x: torch.Tensor, weight: torch.Tensor | None = None,
               bias: torch.Tensor | None = None, *, num_groups: int = 32,
               eps: float = 1e-5) -> torch.Tensor:
    return F.group_norm(x, num_groups, weight, bias, eps)


@native("torch.nn.functional.instance_norm")
def instance_norm(x: torch.Tensor, weight: torch.Tensor | None = None,
                  bias: torch.Tensor | None = None, *, eps: float = 1e-5) -> torch.Tensor:
    # no running statistics: the instance's own statistics, always
    return F.instance_norm(x, None, None, weight, bias, use_input_stats=True, eps=eps)


@native("torch.autograd.grad(F.layer_norm)")
def layer_norm_backward(x: torch.Tensor, dy: torch.Tensor, weight: torch.Tensor | None = None,
                        *, eps: float = 1e-5) -> torch.Tensor:
    # torch's own backward of F.layer_norm, reached through autograd; create_graph keeps
    # dx differentiable (double backward) when x itself is being differentiated
    with torch.enable_grad():
        leaf = x if x.requires_grad else x.detach().requires_grad_()
        y = F.layer_norm(leaf, x.shape[-1:], weight, None, eps)
        (dx,) = torch.autograd.grad(y, leaf, dy, create_graph=True)
    return dx


@native("torch.autograd.grad(F.batch_norm)")
def batch_norm_backward(x: torch.Tensor, dy: torch.Tensor, weight: torch.Tensor | None = None,
                        *, eps: float = 1e-5) -> tuple[torch.Tensor, ...]:
    # torch's own training-mode backward of F.batch_norm (no running statistics), through
    # autograd; gamma = 1 when absent, so that dgamma exists
    gamma = x.new_ones(x.shape[1]) if weight is None else weight
    beta = torch.zeros_like(gamma)
    with torch.enable_grad():
        leaves = [v if v.requires_grad else v.detach().requires_grad_() for v in (x, gamma, beta)]
        y = F.batch_norm(leaves[0], None, None, leaves[1], leaves[2], training=True, eps=eps)
        dx, dweight, dbias = torch.autograd.grad(y, leaves, dy, create_graph=True)
    return dx, dweight, dbias


def default_probes(backend: Backend) -> list[DefaultProbe]:
    x = [[[1.0, 3.0], [2.0, 6.0]]]

    def module_in_eval_mode() -> torch.Tensor:
        layer = torch.nn.InstanceNorm1d(2).eval()
        return layer(backend.from_numpy(np.asarray(x)).to(torch.float64))

    return [
        DefaultProbe("instance_norm", "running statistics or the instance's own in eval mode?",
                     "torch.nn.InstanceNorm1d(2).eval()(x)", {"x": x}, module_in_eval_mode),
    ]


DOCS = "https://pytorch.org/docs/stable/generated/"

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    *(KnownDeviation(
        concept="layer_norm_backward", case="large_offset_cancellation", dtype=dtype,
        reason="the autograd backward of F.layer_norm loses digits when mean >> std: for "
               "x = 4096..4099 dx is off by 341 eps in float32 (-0.31311 for -0.31305) and "
               "216 eps in float64, where the same row centred at 0 is exact",
        link=DOCS + "torch.nn.functional.layer_norm.html",
    ) for dtype in ("float32", "float64")),
    *(KnownDeviation(
        concept="group_norm", case="groups_equal_channels_is_instance_norm", dtype=dtype,
        reason="F.group_norm folds the statistics into y = x a + (b - mean a) with "
               "a = weight/sqrt(var + eps): for the constant channel [5, 5] (a = 3/sqrt(1e-5) "
               "= 949) x a and mean a cancel, giving -0.99999999999955 (float64) instead "
               "of the bias -1",
        link=DOCS + "torch.nn.functional.group_norm.html",
    ) for dtype in ("float32", "float64")),
    *(KnownDeviation(
        concept="instance_norm", case="constant_channel_gives_bias", dtype=dtype,
        reason="F.instance_norm (batch_norm over N*C channels) computes y = x a + (b - mean a): "
               "for the constant channel [5, 5] x a and mean a (about 4743) cancel, giving "
               "-0.99988 in float32 and -0.99999999999955 in float64 instead of the bias -1",
        link=DOCS + "torch.nn.functional.instance_norm.html",
    ) for dtype in ("float32", "float64")),
    *(KnownDeviation(
        concept="instance_norm", case="large_offset_cancellation", dtype=dtype,
        reason="F.instance_norm computes y = x a + (b - mean a) with mean = 4097.5 >> std: "
               "the cancellation leaves 63 eps of error in float64 (-0.4472118066563342 for "
               "-0.447211806656309) and more in float32, where centring first is exact",
        link=DOCS + "torch.nn.functional.instance_norm.html",
    ) for dtype in ("float32", "float64")),
)
