"""PyTorch native bindings: attention (rope and sinusoidal encodings have no torch op)."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from mlcanon import native


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
