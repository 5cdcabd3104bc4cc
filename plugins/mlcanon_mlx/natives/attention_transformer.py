"""MLX native bindings: attention and rotary embedding (mlx.core.fast)."""

from __future__ import annotations

import math

import mlx.core as mx
import mlx.nn as nn
import numpy as np

from mlcanon import Backend, DefaultProbe, native
from mlcanon_mlx.deviations import cases as _cases

# mask is an array or the string "causal", never both: causal cases run the portable code
_NOT_CAUSAL = {"is_causal": False}


@native("mlx.core.fast.scaled_dot_product_attention", only=_NOT_CAUSAL)
def scaled_dot_product_attention(q: mx.array, k: mx.array, v: mx.array,
                                 mask: mx.array | None = None, *, is_causal: bool = False,
                                 scale: float | None = None) -> mx.array:
    # the op wants (batch, heads, length, features) and a scale: the canon's leading axes
    # become the batch, one head, and the canon's default scale 1/sqrt(d) is passed
    batch, lq, lk = q.shape[:-2], q.shape[-2], k.shape[-2]
    if mask is not None:
        mask = mx.broadcast_to(mask, (*batch, lq, lk)).reshape(-1, 1, lq, lk)
    out = mx.fast.scaled_dot_product_attention(
        _one_head(q), _one_head(k), _one_head(v), mask=mask,
        scale=1 / math.sqrt(q.shape[-1]) if scale is None else scale)
    return out.reshape(*batch, lq, v.shape[-1])


@native("mlx.core.fast.scaled_dot_product_attention", only=_NOT_CAUSAL)
def gqa(q: mx.array, k: mx.array, v: mx.array, mask: mx.array | None = None, *,
        is_causal: bool = False, scale: float | None = None) -> mx.array:
    # canon (..., H, L, d) is the op's own layout; it groups query heads over key heads itself
    batch, (hq, lq), lk = q.shape[:-3], q.shape[-3:-1], k.shape[-2]
    if mask is not None:
        mask = mx.broadcast_to(mask, (*batch, hq, lq, lk)).reshape(-1, hq, lq, lk)
    out = mx.fast.scaled_dot_product_attention(
        _batched(q), _batched(k), _batched(v), mask=mask,
        scale=1 / math.sqrt(q.shape[-1]) if scale is None else scale)
    return out.reshape(*batch, hq, lq, v.shape[-1])


def _one_head(a: mx.array) -> mx.array:
    return a.reshape(-1, 1, *a.shape[-2:])


def _batched(a: mx.array) -> mx.array:
    return a.reshape(-1, *a.shape[-3:])


_TRADITIONAL = {"interleaved": True, "half": False}


@native("mlx.core.fast.rope", only={"pairing": tuple(_TRADITIONAL)})
def rope(x: mx.array, positions: mx.array, *, base: float = 10000.0,
         pairing: str = "interleaved") -> mx.array:
    # mx.fast.rope rotates row i of a sequence by position offset + i, with one integer
    # offset per batch entry: each token becomes a sequence of length 1 whose offset is
    # its position
    d = x.shape[-1]
    tokens = x.reshape(-1, 1, d)
    offsets = mx.broadcast_to(positions, x.shape[:-1]).reshape(-1).astype(mx.int32)
    y = mx.fast.rope(tokens, d, traditional=_TRADITIONAL[pairing], base=base, scale=1.0,
                     offset=offsets)
    return y.reshape(x.shape)


Q = [[1.0, 0.0], [0.0, 1.0]]
V = [[1.0, 2.0], [3.0, 4.0]]
CAUSAL = [[True, False], [True, True]]
NO_KEY = [[False, False], [True, True]]
X4 = [[1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]]


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def a(value: list) -> mx.array:
        return backend.from_numpy(np.asarray(value))

    def attention(mask: list) -> mx.array:
        out = mx.fast.scaled_dot_product_attention(
            a(Q)[None, None], a(Q)[None, None], a(V)[None, None], scale=1 / math.sqrt(2),
            mask=a(mask)[None, None])
        return out[0, 0]

    return [
        DefaultProbe("scaled_dot_product_attention", "which way does a boolean mask point?",
                     "mlx.core.fast.scaled_dot_product_attention(q, k, v, scale=1/sqrt(d), "
                     "mask=mask)", {"q": Q, "k": Q, "v": V, "mask": CAUSAL},
                     lambda: attention(CAUSAL)),
        DefaultProbe("scaled_dot_product_attention", "a query that may attend to no key?",
                     "mlx.core.fast.scaled_dot_product_attention(q, k, v, scale=1/sqrt(d), "
                     "mask=mask)", {"q": Q, "k": Q, "v": V, "mask": NO_KEY},
                     lambda: attention(NO_KEY)),
        DefaultProbe("rope", "which feature pairing by default?",
                     "mlx.nn.RoPE(dims)(x) at positions 0, 1", {"x": X4, "positions": [0, 1]},
                     lambda: nn.RoPE(4)(a(X4)[None])[0]),
    ]


# -- known deviations (measured with mlx 0.32.4 on the CPU) --------------------------

_ROPE_INT = (
    "mx.fast.rope takes positions only as an integer offset per sequence ('[rope] offset "
    "must be an integer'): the binding passes them as int32, so fractional positions such"
    " as 2.1 are truncated to 2",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.fast.rope.html",
)

_SDPA_EMPTY = (
    "mx.fast.scaled_dot_product_attention masks with a large negative score: a query that"
    " may attend to no key gets the uniform average of the values (0.667 where the canon "
    "has 0) and its gradient flows into v",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.fast.scaled_dot_product_attention.html",
)

KNOWN_DEVIATIONS = (
    *_cases("rope", (
        "book_002_74_theta_0_3", "fractional_and_negative_positions", "grad_half",
        "random_half_base_500000",
    ), *_ROPE_INT, dtype="float32"),
    *_cases("gqa", ("per_head_mask_with_empty_row",), *_SDPA_EMPTY),
    *_cases("scaled_dot_product_attention", ("fully_masked_row_is_zero",), *_SDPA_EMPTY),
    *_cases("scaled_dot_product_attention", (
        "grad_mask_with_empty_row",
    ), *_SDPA_EMPTY, dtype="float32"),
)
