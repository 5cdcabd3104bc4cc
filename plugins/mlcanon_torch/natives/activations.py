"""PyTorch native bindings: activations."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

from mlcanon import Backend, DefaultProbe, KnownDeviation, native


@native("torch.nn.functional.softmax")
def softmax(x: torch.Tensor, *, axis: int = -1, temperature: float = 1.0) -> torch.Tensor:
    return F.softmax(x / temperature, dim=axis)


@native("torch.nn.functional.log_softmax")
def log_softmax(x: torch.Tensor, *, axis: int = -1) -> torch.Tensor:
    return F.log_softmax(x, dim=axis)


@native("torch.sigmoid")
def sigmoid(x: torch.Tensor) -> torch.Tensor:
    return torch.sigmoid(x)


@native("torch.nn.functional.silu", only={"beta": 1.0})
def silu(x: torch.Tensor, *, beta: float = 1.0) -> torch.Tensor:
    return F.silu(x)


@native("torch.nn.functional.gelu")
def gelu(x: torch.Tensor, *, approximate: str | None = None) -> torch.Tensor:
    # the spec's exact form reaches Python as None; torch spells it "none"
    return F.gelu(x, approximate="none" if approximate is None else approximate)


@native("torch.relu")
def relu(x: torch.Tensor) -> torch.Tensor:
    return torch.relu(x)


@native("torch.tanh")
def tanh(x: torch.Tensor) -> torch.Tensor:
    return torch.tanh(x)


@native("torch.nn.functional.leaky_relu")
def leaky_relu(x: torch.Tensor, *, negative_slope: float = 0.01) -> torch.Tensor:
    return F.leaky_relu(x, negative_slope=negative_slope)


@native("torch.nn.functional.logsigmoid")
def log_sigmoid(x: torch.Tensor) -> torch.Tensor:
    return F.logsigmoid(x)


@native("torch.logit")
def logit_function(p: torch.Tensor) -> torch.Tensor:
    return torch.logit(p)


@native("torch.func.jacrev(torch.softmax)")
def softmax_jacobian(x: torch.Tensor) -> torch.Tensor:
    # one Jacobian per row of the last axis: vmap over the flattened leading axes
    n = x.shape[-1]
    rows = torch.func.vmap(torch.func.jacrev(lambda v: torch.softmax(v, dim=-1)))
    return rows(x.reshape(-1, n)).reshape(*x.shape, n)


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def t(value: list[float]) -> torch.Tensor:
        return backend.from_numpy(np.asarray(value)).to(torch.float64)

    return [
        DefaultProbe("leaky_relu", "which negative slope by default?", "F.leaky_relu(x)",
                     {"x": [-2.0, 1.0]}, lambda: F.leaky_relu(t([-2.0, 1.0]))),
    ]


DOCS = "https://pytorch.org/docs/stable/generated/"

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="relu", case="negative_zero",
        reason="torch.relu (clamp_min(x, 0)) passes -0.0 through: torch.relu(-0.0) is -0.0 in "
               "every dtype, where the canon's zero branch (and jax.nn.relu) gives +0.0",
        link=DOCS + "torch.nn.functional.relu.html",
    ),
    KnownDeviation(
        concept="log_sigmoid", case="infinities_zero_nan",
        reason="F.logsigmoid(+inf) returns +0.0 in every dtype; -softplus(-inf) is -0.0 "
               "(jax.nn.log_sigmoid and scipy.special.log_expit give -0.0)",
        link=DOCS + "torch.nn.functional.logsigmoid.html",
    ),
    *(KnownDeviation(
        concept="softmax_jacobian", case="confident_row_keeps_digits", dtype=dtype,
        reason="jacrev of torch.softmax forms the diagonal as s_i (1 - s_i) from a rounded "
               "s_i: for x = [0, -30] s_0 rounds to 1 in float32 and J_00 comes out 0 instead "
               "of 9.36e-14; in float64 it keeps only 3 digits (9.348e-14)",
        link="https://pytorch.org/docs/stable/generated/torch.func.jacrev.html",
    ) for dtype in ("float32", "float64")),
    KnownDeviation(
        concept="softmax_jacobian", case="symmetric_rows_sum_to_zero",
        reason="the autograd Jacobian's rows sum to s_i (1 - sum_j s_j), about eps, not 0 "
               "relative to a confident row's tiny entries (4.3e-16 where the matrix's "
               "largest entry allows 1.5e-15 only in other rows), in every dtype",
        link="https://pytorch.org/docs/stable/generated/torch.func.jacrev.html",
    ),
)
