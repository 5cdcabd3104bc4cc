"""Attention and positional encodings in PyTorch."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F


def _check_attention_shapes(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> None:
    # torch raises RuntimeError on these; the canon says ValueError, so check up front.
    if q.dim() < 2 or k.dim() < 2 or v.dim() < 2:
        msg = "q, k and v need at least two axes (..., L, features)"
        raise ValueError(msg)
    if q.shape[-1] != k.shape[-1]:
        msg = f"q and k must have the same feature size, got {q.shape[-1]} and {k.shape[-1]}"
        raise ValueError(msg)
    if k.shape[-2] != v.shape[-2]:
        msg = f"k and v must have the same number of keys, got {k.shape[-2]} and {v.shape[-2]}"
        raise ValueError(msg)


def _allowed(lq: int, lk: int, mask: torch.Tensor | None, is_causal: bool,
             device: torch.device) -> torch.Tensor | None:
    """Boolean mask (True = may attend) combining ``mask`` and the top-left causal mask."""
    if not is_causal:
        return mask
    causal = torch.ones(lq, lk, dtype=torch.bool, device=device).tril()
    return causal if mask is None else mask & causal


def _zero_unattended(out: torch.Tensor, allowed: torch.Tensor | None) -> torch.Tensor:
    """Rows whose query may attend to no key are zero in the canon.

    torch's CPU kernels already return zero there; the guard keeps other kernels (which
    may return NaN) on the canon too.
    """
    if allowed is None:
        return out
    some = allowed.any(dim=-1, keepdim=True)
    return torch.where(some, out, torch.zeros((), dtype=out.dtype, device=out.device))


def scaled_dot_product_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor,
                                 mask: torch.Tensor | None = None, *, is_causal: bool = False,
                                 scale: float | None = None) -> torch.Tensor:
    _check_attention_shapes(q, k, v)
    if mask is None:
        # native causal masking is top-left aligned, as the canon
        return F.scaled_dot_product_attention(q, k, v, is_causal=is_causal, scale=scale)
    # torch refuses attn_mask together with is_causal: combine them into one boolean mask
    allowed = _allowed(q.shape[-2], k.shape[-2], mask, is_causal, q.device)
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=allowed, scale=scale)
    return _zero_unattended(out, allowed)


def multi_head_attention(x_q: torch.Tensor, x_kv: torch.Tensor, w_q: torch.Tensor,
                         w_k: torch.Tensor, w_v: torch.Tensor, w_o: torch.Tensor,
                         b_q: torch.Tensor | None = None, b_k: torch.Tensor | None = None,
                         b_v: torch.Tensor | None = None, b_o: torch.Tensor | None = None,
                         mask: torch.Tensor | None = None, *, num_heads: int = 8,
                         is_causal: bool = False) -> torch.Tensor:
    e = w_q.shape[0]
    if num_heads < 1 or e % num_heads:
        msg = f"embed dim {e} is not divisible by num_heads={num_heads}"
        raise ValueError(msg)
    lq, lk = x_q.shape[-2], x_kv.shape[-2]
    batch = x_q.shape[:-2]
    n = math.prod(batch)
    # F.multi_head_attention_forward wants (L, N, E)
    query = x_q.reshape(n, lq, e).transpose(0, 1)
    key = x_kv.reshape(n, lk, x_kv.shape[-1]).transpose(0, 1)
    biases = (b_q, b_k, b_v)
    in_bias = None
    if any(b is not None for b in biases):
        in_bias = torch.cat([torch.zeros(e, dtype=x_q.dtype, device=x_q.device) if b is None
                             else b for b in biases])
    allowed = _allowed(lq, lk, mask, is_causal, x_q.device)
    blocked = None
    if allowed is not None:
        # nn.MultiheadAttention's boolean masks mean the opposite: True = may NOT attend;
        # a 3-D mask is (N * num_heads, Lq, Lk)
        per_item = torch.broadcast_to(allowed, (*batch, lq, lk)).reshape(n, 1, lq, lk)
        blocked = ~per_item.expand(n, num_heads, lq, lk).reshape(n * num_heads, lq, lk)
    out, _ = F.multi_head_attention_forward(
        query, key, key, e, num_heads, None, in_bias, None, None, False, 0.0, w_o, b_o,
        training=False, attn_mask=blocked,
        need_weights=False,  # with weights, a query that may attend to no key gives NaN
        use_separate_proj_weight=True, q_proj_weight=w_q, k_proj_weight=w_k,
        v_proj_weight=w_v)
    return out.transpose(0, 1).reshape(*batch, lq, e)


def _frequencies(d: int, base: float, like: torch.Tensor) -> torch.Tensor:
    exponent = torch.arange(0, d, 2, dtype=like.dtype, device=like.device) / d
    return torch.pow(torch.tensor(base, dtype=like.dtype, device=like.device), -exponent)


def rope(x: torch.Tensor, positions: torch.Tensor, *, base: float = 10000.0,
         pairing: str = "interleaved") -> torch.Tensor:
    d = x.shape[-1]
    if d % 2:
        msg = f"rope needs an even feature size, got {d}"
        raise ValueError(msg)
    if pairing not in ("interleaved", "half"):
        msg = f"pairing must be 'interleaved' or 'half', got {pairing!r}"
        raise ValueError(msg)
    angle = positions.to(x.dtype)[..., None] * _frequencies(d, base, x)
    if pairing == "interleaved":
        # pairs (x_2i, x_2i+1) as complex numbers, rotated by e^{i angle}
        pairs = torch.view_as_complex(x.reshape(*x.shape[:-1], d // 2, 2).contiguous())
        rotated = pairs * torch.polar(torch.ones_like(angle), angle)
        return torch.view_as_real(rotated).reshape(*rotated.shape[:-1], d)
    # rotate_half (GPT-NeoX / Hugging Face): pairs (x_i, x_i+d/2)
    c = torch.cat([torch.cos(angle)] * 2, dim=-1)
    s = torch.cat([torch.sin(angle)] * 2, dim=-1)
    first, second = x[..., : d // 2], x[..., d // 2 :]
    return x * c + torch.cat([-second, first], dim=-1) * s


def sinusoidal_positional_encoding(positions: torch.Tensor, *, d_model: int = 512,
                                   base: float = 10000.0) -> torch.Tensor:
    if d_model < 2 or d_model % 2:
        msg = f"d_model must be a positive even number, got {d_model}"
        raise ValueError(msg)
    angle = positions[..., None] * _frequencies(d_model, base, positions)
    pe = torch.stack([torch.sin(angle), torch.cos(angle)], dim=-1)  # sin even, cos odd
    return pe.reshape(*positions.shape, d_model)
