"""PyTorch native bindings: attention variants (document packing and attention sinks
through FlexAttention's mask_mod, permutation through F.scaled_dot_product_attention)."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch.nn.attention.flex_attention import create_block_mask, flex_attention
from torch.utils.flop_counter import FlopCounterMode

from mlcanon import Backend, DefaultProbe, KnownDeviation, native


def _flat(t: torch.Tensor, batch: tuple[int, ...]) -> torch.Tensor:
    """(..., L, f) broadcast to batch, as FlexAttention's (B, 1, L, f)."""
    return t.expand(*batch, *t.shape[-2:]).reshape(math.prod(batch), 1, *t.shape[-2:])


@native("torch.nn.attention.flex_attention.flex_attention")
def document_mask_packing(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor,
                          doc_ids: torch.Tensor, *, is_causal: bool = True,
                          scale: float | None = None) -> torch.Tensor:
    batch = torch.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2], doc_ids.shape[:-1])
    lq, lk = q.shape[-2], k.shape[-2]
    ids = doc_ids.expand(*batch, doc_ids.shape[-1]).reshape(math.prod(batch), -1)

    # FlexAttention's document-masking recipe: a mask_mod comparing the ids of query and key
    def same_document(b: torch.Tensor, h: torch.Tensor, qi: torch.Tensor,
                      ki: torch.Tensor) -> torch.Tensor:
        same = ids[b, qi] == ids[b, ki]
        return same & (ki <= qi) if is_causal else same

    block = create_block_mask(same_document, math.prod(batch), None, lq, lk, device=q.device)
    out = flex_attention(_flat(q, batch), _flat(k, batch), _flat(v, batch), block_mask=block,
                         scale=scale)
    return out.reshape(*batch, lq, v.shape[-1])


@native("torch.nn.attention.flex_attention.flex_attention")
def attention_sinks_streaming(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, *,
                              num_sinks: int = 4, window: int = 1020,
                              scale: float | None = None) -> torch.Tensor:
    batch = torch.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    lq, lk = q.shape[-2], k.shape[-2]

    # the StreamingLLM pattern of FlexAttention's examples (attention-gym): sinks or recent
    def sink_or_recent(b: torch.Tensor, h: torch.Tensor, qi: torch.Tensor,
                       ki: torch.Tensor) -> torch.Tensor:
        return (ki <= qi) & ((ki < num_sinks) | (qi - ki < window))

    block = create_block_mask(sink_or_recent, None, None, lq, lk, device=q.device)
    out = flex_attention(_flat(q, batch), _flat(k, batch), _flat(v, batch), block_mask=block,
                         scale=scale)
    return out.reshape(*batch, lq, v.shape[-1])


# the gathers only put the permuted rows in front of the op: the finding is whether SDPA's
# kernels give the permuted (or, for keys, the same) result
@native("torch.nn.functional.scaled_dot_product_attention",
        only={"permute": ("all", "queries", "keys")})
def attention_permutation_equivariance(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor,
                                       perm: torch.Tensor | None = None, *, permute: str = "all",
                                       scale: float | None = None) -> torch.Tensor:
    n = k.shape[-2] if permute == "keys" else q.shape[-2]
    order = torch.arange(n - 1, -1, -1, device=q.device) if perm is None else perm
    if permute != "keys":
        q = q.index_select(-2, order)
    if permute != "queries":
        k, v = k.index_select(-2, order), v.index_select(-2, order)
    return F.scaled_dot_product_attention(q, k, v, scale=scale)


PACKED_PROBE = {"q": [[1.0, 0.5], [0.5, -1.0], [2.0, 1.0]],
                "k": [[1.0, -0.5], [0.0, 1.0], [-1.0, 2.0]],
                "v": [[1.0, 2.0], [-3.0, 0.5], [4.0, -1.0]], "doc_ids": [0, 1, 0]}


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def counted_flops() -> torch.Tensor:
        # meta tensors: only shapes, nothing computed
        q = torch.empty(1, 1, 1024, 64, device="meta")
        with FlopCounterMode(display=False) as counter:
            F.scaled_dot_product_attention(q, q, q, is_causal=True)
        return torch.tensor(counter.get_total_flops())

    def packed_causal() -> torch.Tensor:
        q, k, v = (torch.tensor(PACKED_PROBE[name], dtype=torch.float64) for name in "qkv")
        return F.scaled_dot_product_attention(q, k, v, is_causal=True)

    return [
        DefaultProbe("document_mask_packing",
                     "a packed row of documents [0, 1, 0] through causal SDPA without a "
                     "document mask: does token 1 still see token 0?",
                     "F.scaled_dot_product_attention(q, k, v, is_causal=True)", PACKED_PROBE,
                     packed_causal),
        DefaultProbe("attention_complexity",
                     "FLOPs FlopCounterMode counts for causal SDPA, n = 1024, d = 64: full square "
                     "or half?",
                     "FlopCounterMode().get_total_flops() around "
                     "F.scaled_dot_product_attention(q, k, v, is_causal=True)",
                     {"n": 1024, "d": 64}, counted_flops, output="attention_ops"),
    ]


_FLEX = "https://docs.pytorch.org/docs/stable/nn.attention.flex_attention.html"


def _cases(concept: str, cases: tuple[str, ...], reason: str, link: str = _FLEX,
           dtype: str = "*", device: str = "*") -> tuple[KnownDeviation, ...]:
    """One strict entry per case: one reason for several cases of a concept."""
    return tuple(KnownDeviation(concept=concept, case=case, dtype=dtype, device=device,
                                reason=reason, link=link) for case in cases)


_NO_CPU_BACKWARD = ("flex_attention has no backward pass on CPU: the VJP raises "
                    "NotImplementedError 'FlexAttention does not support backward on CPU'")

KNOWN_DEVIATIONS = (
    *_cases("document_mask_packing", ("grad_causal_documents", "grad_bidirectional_interleaved"),
            reason=_NO_CPU_BACKWARD, device="cpu"),
    *_cases("attention_sinks_streaming", ("window_zero",),
            reason="flex_attention runs any mask_mod without checking its parameters: window = 0 "
                   "with the default 4 sinks still shows key 0 as a sink and returns v[0] = "
                   "[1, 2] instead of rejecting the window"),
    *_cases("attention_sinks_streaming", ("negative_sinks",),
            reason="flex_attention runs any mask_mod without checking its parameters: "
                   "num_sinks = -1 keeps no sink (a plain window) and returns [1, 2] instead of "
                   "rejecting the count"),
    *_cases("attention_permutation_equivariance", ("repeated_index",),
            reason="Tensor.index_select gathers any index vector: perm [0, 0, 1] repeats token 0 "
                   "and F.scaled_dot_product_attention returns attention over the duplicated rows "
                   "instead of an error; no torch op checks that an index vector is a permutation",
            link="https://docs.pytorch.org/docs/stable/generated/torch.index_select.html"),
    *_cases("attention_permutation_equivariance", ("permutation_too_short",),
            reason="Tensor.index_select gathers any index vector: perm [1, 0] of a 3-token "
                   "sequence silently drops token 2 and returns two rows",
            link="https://docs.pytorch.org/docs/stable/generated/torch.index_select.html"),
)
