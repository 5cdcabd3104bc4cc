"""PyTorch native bindings: attention scores and positions (Luong attention through SDPA,
learned positions through F.embedding, the transformer block through nn.TransformerEncoderLayer)."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch.func import functional_call

from mlcanon import Backend, DefaultProbe, KnownDeviation, native


# Luong's 'dot' and 'general' scores are SDPA with one query and scale 1; 'general' first
# forms the query sᵀW
@native("torch.nn.functional.scaled_dot_product_attention")
def luong_attention(s: torch.Tensor, h: torch.Tensor, w: torch.Tensor | None = None,
                    mask: torch.Tensor | None = None, *, score: str = "dot") -> torch.Tensor:
    query = s if score == "dot" else s @ w
    batch = torch.broadcast_shapes(query.shape[:-1], h.shape[:-2],
                                   () if mask is None else mask.shape[:-1])
    q = query.expand(*batch, query.shape[-1])[..., None, :]
    keys = h.expand(*batch, *h.shape[-2:])
    attn_mask = None if mask is None else mask.expand(*batch, h.shape[-2])[..., None, :]
    return F.scaled_dot_product_attention(q, keys, keys, attn_mask=attn_mask, scale=1.0)[..., 0, :]


# the crop to the last max_len tokens is the generation loop's job, not the op's
@native("torch.nn.functional.embedding", only={"max_len": (None,)})
def learned_positional_embedding(tok: torch.Tensor, pos: torch.Tensor, ids: torch.Tensor, *,
                                 max_len: int | None = None) -> torch.Tensor:
    positions = torch.arange(ids.shape[-1], device=ids.device)
    return F.embedding(ids, tok) + F.embedding(positions, pos)


def _encoder_layer(x: torch.Tensor, w_1: torch.Tensor, num_heads: int, **options: Any
                   ) -> torch.nn.TransformerEncoderLayer:
    return torch.nn.TransformerEncoderLayer(
        x.shape[-1], num_heads, dim_feedforward=w_1.shape[0], batch_first=True,
        dtype=x.dtype, device=x.device, **options)


def _layer_weights(w_in: torch.Tensor, b_in: torch.Tensor, w_out: torch.Tensor,
                   b_out: torch.Tensor, w_1: torch.Tensor, b_1: torch.Tensor,
                   w_2: torch.Tensor, b_2: torch.Tensor, g_1: torch.Tensor, g_2: torch.Tensor,
                   c_1: torch.Tensor | None, c_2: torch.Tensor | None) -> dict[str, Any]:
    """The canon's inputs under the module's parameter names (a missing shift is zero)."""
    return {"self_attn.in_proj_weight": w_in, "self_attn.in_proj_bias": b_in,
            "self_attn.out_proj.weight": w_out, "self_attn.out_proj.bias": b_out,
            "linear1.weight": w_1, "linear1.bias": b_1, "linear2.weight": w_2,
            "linear2.bias": b_2, "norm1.weight": g_1,
            "norm1.bias": torch.zeros_like(g_1) if c_1 is None else c_1,
            "norm2.weight": g_2, "norm2.bias": torch.zeros_like(g_2) if c_2 is None else c_2}


# nn.TransformerEncoderLayer with the canon's choices as arguments (norm_first, activation,
# dropout 0, batch_first, eval mode); its weights are the inputs through functional_call, so
# gradients reach them. The module has LayerNorm only.
@native("torch.nn.TransformerEncoderLayer", only={"norm": ("layer_norm",)})
def transformer_block(x: torch.Tensor, w_in: torch.Tensor, b_in: torch.Tensor,
                      w_out: torch.Tensor, b_out: torch.Tensor, w_1: torch.Tensor,
                      b_1: torch.Tensor, w_2: torch.Tensor, b_2: torch.Tensor,
                      g_1: torch.Tensor, g_2: torch.Tensor, c_1: torch.Tensor | None = None,
                      c_2: torch.Tensor | None = None, *, norm_first: bool = True,
                      norm: str = "layer_norm", activation: str = "gelu", num_heads: int = 8,
                      eps: float = 1e-5, is_causal: bool = False) -> torch.Tensor:
    layer = _encoder_layer(x, w_1, num_heads, dropout=0.0, activation=activation,
                           layer_norm_eps=eps, norm_first=norm_first).eval()
    weights = _layer_weights(w_in, b_in, w_out, b_out, w_1, b_1, w_2, b_2, g_1, g_2, c_1, c_2)
    length = x.shape[-2]
    mask = None
    if is_causal:
        mask = torch.nn.Transformer.generate_square_subsequent_mask(length, dtype=x.dtype)
    src = x.reshape(-1, length, x.shape[-1])
    y = functional_call(layer, weights, (src,), {"src_mask": mask, "is_causal": is_causal})
    return y.reshape(x.shape)


KNOWN_DEVIATIONS = (
    KnownDeviation(
        concept="learned_positional_embedding", case="tables_of_different_width",
        reason="F.embedding returns rows of width 2 and 1 and their sum broadcasts: a "
               "(vocab, 2) token table with a (max_len, 1) position table gives a (2, 2) "
               "result instead of an error",
        link="https://docs.pytorch.org/docs/stable/notes/broadcasting.html"),
)


def _block_probe_inputs() -> dict[str, Any]:
    """E = 8 (one feature per head under the canon's 8 heads), F = 32, L = 3, batch 2."""
    rng = np.random.default_rng(20)

    def draw(*shape: int, scale: float) -> list[Any]:
        return (np.round(rng.normal(size=shape) * scale * 16) / 16).tolist()

    return {"x": draw(2, 3, 8, scale=1.0), "w_in": draw(24, 8, scale=0.35),
            "b_in": draw(24, scale=0.1), "w_out": draw(8, 8, scale=0.35),
            "b_out": draw(8, scale=0.1), "w_1": draw(32, 8, scale=0.35),
            "b_1": draw(32, scale=0.1), "w_2": draw(8, 32, scale=0.18),
            "b_2": draw(8, scale=0.1), "g_1": [1.0] * 8, "g_2": [1.0] * 8,
            "c_1": [0.0] * 8, "c_2": [0.0] * 8}


BLOCK_PROBE = _block_probe_inputs()
LUONG_PROBE = {"s": [2.0, 0.0], "h": [[2.0, 0.0], [0.0, 2.0]]}


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def t(name: str) -> torch.Tensor:
        return backend.from_numpy(np.asarray(BLOCK_PROBE[name])).to(torch.float64)

    def run_layer(train: bool = False, **options: Any) -> torch.Tensor:
        x = t("x")
        layer = torch.nn.TransformerEncoderLayer(8, 8, dim_feedforward=32,
                                                 dtype=torch.float64, **options)
        if not train:
            layer.eval()
        names = ("w_in", "b_in", "w_out", "b_out", "w_1", "b_1", "w_2", "b_2", "g_1", "g_2",
                 "c_1", "c_2")
        weights = _layer_weights(*(t(name) for name in names))
        torch.manual_seed(0)  # the default dropout draws from torch's global generator
        with torch.no_grad():
            return functional_call(layer, weights, (x,))

    canon = {"dropout": 0.0, "activation": "gelu", "norm_first": True, "batch_first": True}
    call = "nn.TransformerEncoderLayer(8, 8, dim_feedforward=32{})"

    def but(name: str) -> dict[str, Any]:
        return {key: value for key, value in canon.items() if key != name}

    def sdpa_default_scale() -> torch.Tensor:
        s, h = (backend.from_numpy(np.asarray(LUONG_PROBE[name])).to(torch.float64)
                for name in ("s", "h"))
        return F.scaled_dot_product_attention(s[None, :], h, h)[0]

    return [
        DefaultProbe("luong_attention", "does SDPA score Luong's way (unscaled) by default?",
                     "F.scaled_dot_product_attention(s[None], h, h)[0]", LUONG_PROBE,
                     sdpa_default_scale),
        DefaultProbe("transformer_block", "pre-norm or post-norm by default?",
                     call.format(", dropout=0, activation='gelu', batch_first=True") +
                     ".eval()(x)", BLOCK_PROBE, lambda: run_layer(**but("norm_first"))),
        DefaultProbe("transformer_block", "which FFN activation by default?",
                     call.format(", dropout=0, norm_first=True, batch_first=True") +
                     ".eval()(x)", BLOCK_PROBE, lambda: run_layer(**but("activation"))),
        DefaultProbe("transformer_block", "dropout in a freshly built layer (training mode)?",
                     call.format(", activation='gelu', norm_first=True, batch_first=True") +
                     "(x) after torch.manual_seed(0)", BLOCK_PROBE,
                     lambda: run_layer(train=True, **but("dropout"))),
        DefaultProbe("transformer_block", "which axis is the sequence by default?",
                     call.format(", dropout=0, activation='gelu', norm_first=True") +
                     ".eval()(x) on x of shape (batch 2, L 3, E 8)", BLOCK_PROBE,
                     lambda: run_layer(**but("batch_first"))),
    ]
