"""PyTorch native bindings: attention (rope and sinusoidal encodings have no torch op)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch.nn.attention.bias import causal_lower_right

from mlcanon import Backend, DefaultProbe, KnownDeviation, native


@native("torch.masked.softmax")
def causal_mask(scores: torch.Tensor, *, diagonal: int = 1) -> torch.Tensor:
    lq, lk = scores.shape[-2:]
    visible = torch.ones(lq, lk, dtype=torch.bool, device=scores.device).tril(diagonal - 1)
    return torch.masked.softmax(scores, dim=-1, mask=visible.expand(scores.shape))


@native("torch.nn.functional.scaled_dot_product_attention")
def scaled_dot_product_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor,
                                 mask: torch.Tensor | None = None, *, is_causal: bool = False,
                                 scale: float | None = None) -> torch.Tensor:
    return F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=is_causal,
                                          scale=scale)


# is_causal of multi_head_attention_forward is only a hint about attn_mask, so causal cases
# run the portable implementation.
@native("torch.nn.functional.multi_head_attention_forward", only={"is_causal": False})
def multi_head_attention(x_q: torch.Tensor, x_kv: torch.Tensor, w_q: torch.Tensor,
                         w_k: torch.Tensor, w_v: torch.Tensor, w_o: torch.Tensor,
                         b_q: torch.Tensor | None = None, b_k: torch.Tensor | None = None,
                         b_v: torch.Tensor | None = None, b_o: torch.Tensor | None = None,
                         mask: torch.Tensor | None = None, *, num_heads: int = 8,
                         is_causal: bool = False) -> torch.Tensor:
    e = w_q.shape[0]
    lq, lk = x_q.shape[-2], x_kv.shape[-2]
    batch = x_q.shape[:-2]
    n = math.prod(batch)
    # the functional form is sequence-first: (L, N, E)
    query = x_q.reshape(n, lq, e).transpose(0, 1)
    key = x_kv.reshape(n, lk, x_kv.shape[-1]).transpose(0, 1)
    in_bias = None
    if b_q is not None or b_k is not None or b_v is not None:
        zero = torch.zeros(e, dtype=x_q.dtype, device=x_q.device)
        in_bias = torch.cat([zero if b is None else b for b in (b_q, b_k, b_v)])
    blocked = None
    if mask is not None:
        # torch's boolean attn_mask means True = may NOT attend; 3-D is (N * heads, Lq, Lk)
        per_item = torch.broadcast_to(mask, (*batch, lq, lk)).reshape(n, 1, lq, lk)
        blocked = ~per_item.expand(n, num_heads, lq, lk).reshape(n * num_heads, lq, lk)
    out, _ = F.multi_head_attention_forward(
        query, key, key, e, num_heads, None, in_bias, None, None, False, 0.0, w_o, b_o,
        training=False, attn_mask=blocked, need_weights=False,
        use_separate_proj_weight=True, q_proj_weight=w_q, k_proj_weight=w_k,
        v_proj_weight=w_v)
    return out.transpose(0, 1).reshape(*batch, lq, e)


@native("torch.nn.functional.scaled_dot_product_attention")
def gqa(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None = None, *,
        is_causal: bool = False, scale: float | None = None) -> torch.Tensor:
    return F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=is_causal,
                                          scale=scale, enable_gqa=True)


@native("torch.nn.functional.scaled_dot_product_attention")
def kv_cache(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, k_cache: torch.Tensor,
             v_cache: torch.Tensor, *, scale: float | None = None
             ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    keys = torch.cat([k_cache, k], dim=-2)
    values = torch.cat([v_cache, v], dim=-2)
    # causal_lower_right is torch's bottom-right aligned causal mask for cached decoding
    mask = causal_lower_right(q.shape[-2], keys.shape[-2])
    y = F.scaled_dot_product_attention(q, keys, values, attn_mask=mask, scale=scale)
    return y, keys, values


@native("torch.nn.functional.rms_norm")
def qk_norm(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, g_q: torch.Tensor | None = None,
            g_k: torch.Tensor | None = None, *, eps: float = 1e-6, is_causal: bool = False,
            scale: float | None = None) -> torch.Tensor:
    d = (q.shape[-1],)
    q_hat = F.rms_norm(q, d, weight=g_q, eps=eps)
    k_hat = F.rms_norm(k, d, weight=g_k, eps=eps)
    return F.scaled_dot_product_attention(q_hat, k_hat, v, is_causal=is_causal, scale=scale)


# nn.MultiheadAttention(embed_dim, 1, kdim, vdim) with an identity output projection; it
# always scales by 1/sqrt(head size), so explicit scales run the portable implementation
@native("torch.nn.functional.multi_head_attention_forward", only={"scale": (None,)})
def cross_attention(x: torch.Tensor, context: torch.Tensor, w_q: torch.Tensor,
                    w_k: torch.Tensor, w_v: torch.Tensor,
                    context_mask: torch.Tensor | None = None, *,
                    scale: float | None = None) -> torch.Tensor:
    e = w_q.shape[0]
    n, m = x.shape[-2], context.shape[-2]
    batch = torch.broadcast_shapes(x.shape[:-2], context.shape[:-2])
    items = math.prod(batch)
    query = x.expand(*batch, n, x.shape[-1]).reshape(items, n, -1).transpose(0, 1)
    key = context.expand(*batch, m, context.shape[-1]).reshape(items, m, -1).transpose(0, 1)
    padding = None
    if context_mask is not None:
        padding = ~torch.broadcast_to(context_mask, (*batch, m)).reshape(items, m)
    identity = torch.eye(e, dtype=x.dtype, device=x.device)
    out, _ = F.multi_head_attention_forward(
        query, key, key, e, 1, None, None, None, None, False, 0.0, identity, None,
        training=False, key_padding_mask=padding, need_weights=False,
        use_separate_proj_weight=True, q_proj_weight=w_q, k_proj_weight=w_k,
        v_proj_weight=w_v)
    return out.transpose(0, 1).reshape(*batch, n, w_v.shape[0])


GQA_PROBE = {"q": [[[1.0, 0.0]], [[0.0, 1.0]], [[1.0, 1.0]], [[-1.0, 0.5]]],
             "k": [[[1.0, 0.0], [0.0, 1.0]], [[1.0, -1.0], [0.5, 0.5]]],
             "v": [[[1.0, 2.0], [3.0, 4.0]], [[-1.0, 0.0], [0.0, -1.0]]]}
DECODE_PROBE = {"q": [[1.0, 0.5]], "k": [[0.0, 1.0]], "v": [[4.0, -1.0]],
                "k_cache": [[1.0, -0.5], [0.5, 1.0]], "v_cache": [[1.0, 2.0], [-3.0, 0.5]]}


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def t(name: str, table: dict[str, Any]) -> torch.Tensor:
        return backend.from_numpy(np.asarray(table[name])).to(torch.float64)

    def decode_with_is_causal() -> torch.Tensor:
        keys = torch.cat([t("k_cache", DECODE_PROBE), t("k", DECODE_PROBE)])
        values = torch.cat([t("v_cache", DECODE_PROBE), t("v", DECODE_PROBE)])
        return F.scaled_dot_product_attention(t("q", DECODE_PROBE), keys, values,
                                              is_causal=True)

    return [
        DefaultProbe("gqa", "4 query heads over 2 kv heads without enable_gqa?",
                     "F.scaled_dot_product_attention(q, k, v)", GQA_PROBE,
                     lambda: F.scaled_dot_product_attention(
                         t("q", GQA_PROBE), t("k", GQA_PROBE), t("v", GQA_PROBE))),
        DefaultProbe("kv_cache", "one decoded token after 2 cached ones with is_causal=True?",
                     "F.scaled_dot_product_attention(q, cat(k_cache, k), cat(v_cache, v), "
                     "is_causal=True)", DECODE_PROBE, decode_with_is_causal, output="y"),
    ]


KNOWN_DEVIATIONS = (
    KnownDeviation(
        concept="causal_mask", case="diagonal_0_first_row_empty",
        reason="torch.masked.softmax returns NaN for a row whose mask hides every key; the "
               "canon gives a zero row",
        link="https://github.com/pytorch/pytorch/issues/55056"),
    KnownDeviation(
        concept="causal_mask", case="diagonal_negative",
        reason="torch.masked.softmax returns NaN for the rows whose mask hides every key; the "
               "canon gives zero rows",
        link="https://github.com/pytorch/pytorch/issues/55056"),
    KnownDeviation(
        concept="gqa", case="key_value_heads_differ",
        reason="F.scaled_dot_product_attention(enable_gqa=True) accepts k with 2 heads and v "
               "with 1: it groups k and v separately, so v's single head serves every query "
               "head ([[1, 2]], [[1, 2]]) instead of rejecting the mismatch",
        link="https://docs.pytorch.org/docs/stable/generated/"
             "torch.nn.functional.scaled_dot_product_attention.html"),
    KnownDeviation(
        concept="kv_cache", case="new_keys_without_queries",
        reason="F.scaled_dot_product_attention with causal_lower_right(1, 3) cannot tell "
               "cached from new keys: 2 new keys for 1 new query pass silently and the query "
               "sees all three keys",
        link="https://docs.pytorch.org/docs/stable/generated/"
             "torch.nn.attention.bias.CausalBias.html"),
    KnownDeviation(
        concept="qk_norm", case="negative_eps",
        reason="F.rms_norm accepts eps = -1e-6 and computes with it (the row [1, 0] gives "
               "[1.4142, 0]) instead of rejecting a negative eps",
        link="https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.rms_norm.html"),
)
