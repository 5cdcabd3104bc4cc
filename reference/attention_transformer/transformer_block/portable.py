"""A transformer block on any array namespace: self-attention and FFN sublayers, each with a
residual connection and a norm before (pre-norm) or after (post-norm) it."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.attention_transformer.multi_head_attention.portable import (
    multi_head_attention,
)
from mlcanon_reference.layers.feed_forward_network.portable import feed_forward_network
from mlcanon_reference.normalization.layer_norm.portable import layer_norm
from mlcanon_reference.normalization.rms_norm.portable import rms_norm


def transformer_block(xp: Any, x: Any, w_in: Any, b_in: Any, w_out: Any, b_out: Any,
                      w_1: Any, b_1: Any, w_2: Any, b_2: Any, g_1: Any, g_2: Any,
                      c_1: Any = None, c_2: Any = None, *, norm_first: bool = True,
                      norm: str = "layer_norm", activation: str = "gelu",
                      num_heads: int = 8, eps: float = 1e-5,
                      is_causal: bool = False) -> Any:
    _check(x, w_in, b_in, c_1, c_2, norm, activation)
    e = x.shape[-1]

    def attention(t: Any) -> Any:
        # torch's packed in-projection: rows [0, E) of w_in are W_q, [E, 2E) W_k, [2E, 3E) W_v
        return multi_head_attention(xp, t, t, w_in[:e, :], w_in[e:2 * e, :], w_in[2 * e:, :],
                                    w_out, b_in[:e], b_in[e:2 * e], b_in[2 * e:], b_out,
                                    num_heads=num_heads, is_causal=is_causal)

    def ffn(t: Any) -> Any:
        return feed_forward_network(xp, t, w_1, w_2, b_1, b_2, activation=activation)

    def normalize(t: Any, g: Any, c: Any) -> Any:
        if norm == "rms_norm":
            return rms_norm(xp, t, g, eps=eps)
        return layer_norm(xp, t, g, c, eps=eps)

    if norm_first:
        h = x + attention(normalize(x, g_1, c_1))
        return h + ffn(normalize(h, g_2, c_2))
    h = normalize(x + attention(x), g_1, c_1)
    return normalize(h + ffn(h), g_2, c_2)


def _check(x: Any, w_in: Any, b_in: Any, c_1: Any, c_2: Any, norm: str,
           activation: str) -> None:
    e = x.shape[-1] if x.ndim >= 2 else -1
    if x.ndim < 2 or tuple(w_in.shape) != (3 * e, e) or tuple(b_in.shape) != (3 * e,):
        msg = (f"need x (..., L, E) with w_in (3E, E) and b_in (3E,), got {tuple(x.shape)}, "
               f"{tuple(w_in.shape)}, {tuple(b_in.shape)}")
        raise ValueError(msg)
    if norm not in ("layer_norm", "rms_norm"):
        msg = f"norm must be 'layer_norm' or 'rms_norm', got {norm!r}"
        raise ValueError(msg)
    if norm == "rms_norm" and (c_1 is not None or c_2 is not None):
        msg = "rms_norm has no shift: c_1 and c_2 must be absent"
        raise ValueError(msg)
    if activation not in ("gelu", "relu"):
        msg = f"activation must be 'gelu' (exact) or 'relu', got {activation!r}"
        raise ValueError(msg)
