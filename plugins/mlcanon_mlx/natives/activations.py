"""MLX native bindings: activations (mlx.core, mlx.nn)."""

from __future__ import annotations

import mlx.core as mx
import mlx.nn as nn
import numpy as np

from mlcanon import Backend, DefaultProbe, native
from mlcanon_mlx.deviations import cases as _cases


@native("mlx.core.softmax")
def softmax(x: mx.array, *, axis: int = -1, temperature: float = 1.0) -> mx.array:
    # mx.softmax normalizes over every axis unless given one, and accumulates float16 and
    # bfloat16 in their own precision unless precise=True
    return mx.softmax(x / temperature, axis=axis, precise=True)


@native("mlx.nn.log_softmax")
def log_softmax(x: mx.array, *, axis: int = -1) -> mx.array:
    return nn.log_softmax(x, axis=axis)


@native("mlx.core.sigmoid")
def sigmoid(x: mx.array) -> mx.array:
    return mx.sigmoid(x)


@native("mlx.nn.silu", only={"beta": 1.0})
def silu(x: mx.array, *, beta: float = 1.0) -> mx.array:
    return nn.silu(x)


# the exact form is mlx.nn.gelu, the tanh form mlx.nn.gelu_approx; mlx.nn.gelu_fast_approx
# (x sigmoid(1.702 x)) is neither of the canon's forms
_GELU = {None: nn.gelu, "tanh": nn.gelu_approx}


@native("mlx.nn.gelu / mlx.nn.gelu_approx", only={"approximate": tuple(_GELU)})
def gelu(x: mx.array, *, approximate: str | None = None) -> mx.array:
    return _GELU[approximate](x)


@native("mlx.nn.relu")
def relu(x: mx.array) -> mx.array:
    return nn.relu(x)


@native("mlx.core.tanh")
def tanh(x: mx.array) -> mx.array:
    return mx.tanh(x)


@native("mlx.nn.leaky_relu")
def leaky_relu(x: mx.array, *, negative_slope: float = 0.01) -> mx.array:
    return nn.leaky_relu(x, negative_slope=negative_slope)


@native("mlx.nn.log_sigmoid")
def log_sigmoid(x: mx.array) -> mx.array:
    return nn.log_sigmoid(x)


LOGITS = [[1.0, 2.0, 3.0], [0.0, 0.0, 1.0]]
#: 300 equal logits: each probability is 1/300, but a bfloat16 running sum of ones stops
#: at 256 (8 significant bits), which gives 1/256
FLAT = [0.0] * 300


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def a(value: list, dtype: str = "float64") -> mx.array:
        return backend.from_numpy(np.asarray(value, dtype=dtype))

    x = [-2.0, 1.0, 2.0]
    return [
        DefaultProbe("gelu", "which GELU form by default?", "mlx.nn.gelu(x)", {"x": x},
                     lambda: nn.gelu(a(x))),
        DefaultProbe("softmax", "which axis by default?", "mlx.core.softmax(x)",
                     {"x": LOGITS}, lambda: mx.softmax(a(LOGITS))),
        DefaultProbe("softmax", "bfloat16 input: summed in float32 by default "
                     "(precise=False)?", "mlx.core.softmax(x.astype(bfloat16), axis=-1)",
                     {"x": FLAT}, lambda: mx.softmax(a(FLAT, "bfloat16"), axis=-1)
                     .astype(mx.float32)),
        DefaultProbe("leaky_relu", "which negative slope by default?", "mlx.nn.leaky_relu(x)",
                     {"x": x}, lambda: nn.leaky_relu(a(x))),
    ]


# -- known deviations (measured with mlx 0.32.4 on the CPU) --------------------------

_GELU_TAIL = (
    "mlx.nn.gelu computes x (1 + erf(x / sqrt 2)) / 2: the sum cancels in the negative "
    "tail, gelu(-6) is -0.0 instead of -5.92e-9",
    "https://ml-explore.github.io/mlx/build/html/python/nn/_autosummary_functions/mlx.nn.gelu.html",
)

_LEAKY_MAX = (
    "mlx.nn.leaky_relu computes maximum(negative_slope * x, x): with a slope above 1 the "
    "positive side takes slope * x (2.0 for x = 1 at slope 2) instead of x",
    "https://ml-explore.github.io/mlx/build/html/python/nn/_autosummary_functions/mlx.nn.leaky_relu.html",
)

_SIGMOID_F16 = (
    "mx.sigmoid in float16 underflows in the negative tail: sigmoid(-12) is 0.0 instead "
    "of 6.1e-6",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.sigmoid.html",
)

_SIGMOID_TAIL = (
    "mx.sigmoid(-37) in float32 is 8.533057e-17 for 8.533048e-17: 4.6 eps units where the"
    " canon allows 4",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.sigmoid.html",
)

KNOWN_DEVIATIONS = (
    *_cases("gelu", ("negative_tail",), *_GELU_TAIL),
    *_cases("leaky_relu", ("slope_above_one",), *_LEAKY_MAX, dtype="bfloat16"),
    *_cases("leaky_relu", ("slope_above_one",), *_LEAKY_MAX, dtype="float16"),
    *_cases("leaky_relu", ("slope_above_one",), *_LEAKY_MAX, dtype="float32"),
    *_cases("sigmoid", ("float16_tail",), *_SIGMOID_F16, dtype="float16"),
    *_cases("sigmoid", ("negative_tail",), *_SIGMOID_TAIL),
)
