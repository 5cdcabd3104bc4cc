"""JAX native bindings: composite layer blocks (jax.lax convolutions, jax.nn attention),
chained as users write them in a flax or equinox module.

Matmul-like ops ask for Precision.HIGHEST: JAX's default on GPUs and TPUs uses TF32 or
bf16 passes for float32.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
from jax import lax

from mlcanon import KnownDeviation, native

_NCHW = ("NCHW", "OIHW", "NCHW")


@native("jax.lax.conv_general_dilated (window = stride = patch)")
def vit_patch_embedding(x: jnp.ndarray, weight: jnp.ndarray, bias: jnp.ndarray | None = None,
                        cls: jnp.ndarray | None = None, pos: jnp.ndarray | None = None, *,
                        patch: Any = None) -> jnp.ndarray:
    stride = weight.shape[-1] if patch is None else patch
    y = lax.conv_general_dilated(x, weight, window_strides=(stride, stride), padding="VALID",
                                 dimension_numbers=_NCHW, precision=lax.Precision.HIGHEST)
    if bias is not None:
        y = y + bias[:, None, None]
    n, d = y.shape[:2]
    y = jnp.swapaxes(y.reshape(n, d, -1), 1, 2)
    if cls is not None:
        y = jnp.concatenate([jnp.broadcast_to(cls, (n, 1, d)), y], axis=1)
    return y if pos is None else y + pos


_TEXT_ACTIVATIONS = {"relu": jax.nn.relu, "tanh": jnp.tanh, "identity": lambda z: z}


@native("jax.lax.conv_general_dilated + jax.numpy.max over positions",
        only={"activation": tuple(_TEXT_ACTIVATIONS)})
def textcnn_max_over_time(x: jnp.ndarray, weight: jnp.ndarray, bias: jnp.ndarray | None = None,
                          weight2: jnp.ndarray | None = None, bias2: jnp.ndarray | None = None,
                          weight3: jnp.ndarray | None = None, bias3: jnp.ndarray | None = None,
                          *, activation: str = "relu") -> jnp.ndarray:
    act = _TEXT_ACTIVATIONS[activation]
    features = []
    for w, b in ((weight, bias), (weight2, bias2), (weight3, bias3)):
        if w is not None:
            # batch-first words (N, L, E) read directly: "NHC" puts time on the spatial axis
            c = lax.conv_general_dilated(x, w, window_strides=(1,), padding="VALID",
                                         dimension_numbers=("NHC", "OIH", "NHC"),
                                         precision=lax.Precision.HIGHEST)
            features.append(jnp.max(act(c if b is None else c + b), axis=1))
    return jnp.concatenate(features, axis=1)


def _conv(x: jnp.ndarray, w: jnp.ndarray, b: jnp.ndarray | None, stride: int = 1,
          pad: int = 0) -> jnp.ndarray:
    y = lax.conv_general_dilated(x, w, window_strides=(stride, stride),
                                 padding=[(pad, pad), (pad, pad)], dimension_numbers=_NCHW,
                                 precision=lax.Precision.HIGHEST)
    return y if b is None else y + b[:, None, None]


@native("jax.lax.conv_general_dilated 1×1, 3×3, 1×1 + jax.nn.relu")
def bottleneck_block(x: jnp.ndarray, weight1: jnp.ndarray, weight2: jnp.ndarray,
                     weight3: jnp.ndarray, bias1: jnp.ndarray | None = None,
                     bias2: jnp.ndarray | None = None, bias3: jnp.ndarray | None = None,
                     projection: jnp.ndarray | None = None, *, stride: int = 1) -> jnp.ndarray:
    out = jax.nn.relu(_conv(x, weight1, bias1))
    out = jax.nn.relu(_conv(out, weight2, bias2, stride, 1))
    out = _conv(out, weight3, bias3)
    skip = x if projection is None else _conv(x, projection, None, stride)
    return jax.nn.relu(out + skip)


@native("jax.nn.relu + lax.conv_general_dilated + jax.numpy.concatenate")
def densenet_concat(x: jnp.ndarray, weight1: jnp.ndarray, weight2: jnp.ndarray | None = None,
                    weight3: jnp.ndarray | None = None) -> jnp.ndarray:
    features = x
    for w in (weight1, weight2, weight3):
        if w is not None:
            pad = w.shape[-1] // 2
            new = _conv(jax.nn.relu(features), w, None, 1, pad)
            features = jnp.concatenate([features, new], axis=1)
    return features


_ADAPTER_ACTIVATIONS = {"relu": jax.nn.relu, "tanh": jnp.tanh, "sigmoid": jax.nn.sigmoid,
                        "identity": lambda z: z,
                        # jax.nn.gelu defaults to the tanh approximation; the canon's is erf
                        "gelu": lambda z: jax.nn.gelu(z, approximate=False)}


def _dense(v: jnp.ndarray, weight: jnp.ndarray, bias: jnp.ndarray | None) -> jnp.ndarray:
    y = jnp.matmul(v, weight.T, precision=lax.Precision.HIGHEST)
    return y if bias is None else y + bias


@native("jax.numpy.matmul, jax.nn activation, matmul + residual add",
        only={"activation": tuple(_ADAPTER_ACTIVATIONS)})
def adapter_layer(x: jnp.ndarray, down_weight: jnp.ndarray, up_weight: jnp.ndarray,
                  down_bias: jnp.ndarray | None = None, up_bias: jnp.ndarray | None = None, *,
                  activation: str = "relu", scale: float = 1.0) -> jnp.ndarray:
    h = _ADAPTER_ACTIVATIONS[activation](_dense(x, down_weight, down_bias))
    return x + scale * _dense(h, up_weight, up_bias)


@native("jax.nn.dot_product_attention on jax.numpy.concatenate([prefix, k])")
def prefix_tuning(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray, prefix_k: jnp.ndarray,
                  prefix_v: jnp.ndarray, *, causal: bool = False) -> jnp.ndarray:
    n, tq = k.shape[0], q.shape[-2]
    keys = jnp.concatenate([jnp.broadcast_to(prefix_k, (n, *prefix_k.shape)), k], axis=-2)
    values = jnp.concatenate([jnp.broadcast_to(prefix_v, (n, *prefix_v.shape)), v], axis=-2)
    s = keys.shape[-2]
    # the op is (batch, T, heads, d): the canon's (N, ..., T, d) becomes (N·…, T, 1, d).
    # is_causal=True is a top-left tril over the S = P + T_k prefixed keys;
    # local_window_size=(S, S - T_q) lets query i see keys j <= i + S - T_q: the whole
    # prefix and the real keys up to its own position (bottom-right aligned)
    window = (s, s - tq) if causal else None
    out = jax.nn.dot_product_attention(_one_head(q), _one_head(keys), _one_head(values),
                                       local_window_size=window)
    return out[:, :, 0, :].reshape(*q.shape[:-1], values.shape[-1])


def _one_head(a: jnp.ndarray) -> jnp.ndarray:
    return a.reshape(-1, *a.shape[-2:])[:, :, None, :]


_CONV = "https://docs.jax.dev/en/latest/_autosummary/jax.lax.conv_general_dilated.html"
_ATTENTION = "https://docs.jax.dev/en/latest/_autosummary/jax.nn.dot_product_attention.html"

KNOWN_DEVIATIONS = (
    KnownDeviation(
        concept="vit_patch_embedding", case="image_not_a_multiple_of_the_patch",
        reason="lax.conv_general_dilated with window = stride = 2 on a 5×4 image drops the "
               "fifth row and returns 4 tokens instead of raising",
        link=_CONV),
    KnownDeviation(
        concept="vit_patch_embedding", case="patch_disagrees_with_weight",
        reason="lax.conv_general_dilated takes its window from the weight: stride 4 with a "
               "2×2 weight on a 4×4 image returns 1 token read from the top-left 2×2 corner "
               "instead of raising",
        link=_CONV),
    *(KnownDeviation(concept="prefix_tuning", case=case, dtype="float64", link=_ATTENTION,
                     reason="jax.nn.dot_product_attention runs its softmax in float32 even for "
                            "float64 inputs: float64 results carry float32 rounding (~1e-8 "
                            "relative)")
      for case in ("scores_scaled_by_sqrt_d", "causal_sees_the_whole_prefix",
                   "decoding_with_a_prefix", "random_heads", "random_causal",
                   "random_decode_causal", "grad_all", "grad_prefix_causal")),
    KnownDeviation(
        concept="prefix_tuning", case="value_width_differs", link=_ATTENTION,
        reason="jax.nn.dot_product_attention needs values of the query/key head size: d_v = 2 "
               "!= d = 1 raises ValueError 'value shape should be [1, 2, 1, 1]'"),
    KnownDeviation(
        concept="prefix_tuning", case="causal_with_more_queries_than_keys", link=_ATTENTION,
        reason="jax.nn.dot_product_attention with local_window_size=(2, 0) accepts 2 queries "
               "for 1 key: query 0 attends to the prefix alone instead of raising"),
)
