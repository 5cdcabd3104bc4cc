"""Parameter counts of decoder-only transformers on any array namespace (integer arithmetic)."""

from __future__ import annotations

from typing import Any

_FFN_MATRICES = {"mlp": 2, "gated": 3}
_NORM_VECTORS = {None: 0, "rmsnorm": 1, "layernorm": 2}


def transformer_param_count(xp: Any, d_model: Any, n_layers: Any, *, ffn_mult: int = 4,
                            d_ff: int | None = None, ffn: str = "mlp",
                            norm: str | None = None, bias: bool = False, vocab_size: int = 0,
                            tie_embeddings: bool = False, max_positions: int = 0
                            ) -> dict[str, Any]:
    if ffn not in _FFN_MATRICES or norm not in _NORM_VECTORS:
        msg = (f"ffn must be 'mlp' or 'gated' and norm None, 'rmsnorm' or 'layernorm'; got "
               f"{ffn!r}, {norm!r}")
        raise ValueError(msg)
    if ffn_mult < 1 or (d_ff is not None and d_ff < 1) or vocab_size < 0 or max_positions < 0:
        msg = (f"need ffn_mult >= 1, d_ff >= 1, vocab_size >= 0 and max_positions >= 0; got "
               f"{ffn_mult}, {d_ff}, {vocab_size}, {max_positions}")
        raise ValueError(msg)
    if xp.any(d_model < 1) or xp.any(n_layers < 0):
        msg = "need d_model >= 1 and n_layers >= 0"
        raise ValueError(msg)
    d = d_model
    width = ffn_mult * d if d_ff is None else d_ff
    b = 1 if bias else 0
    attention = 4 * d * d + 4 * b * d
    matrices = _FFN_MATRICES[ffn]
    feed_forward = matrices * d * width + b * ((matrices - 1) * width + d)
    one_norm = _NORM_VECTORS[norm] * d
    per_block = attention + feed_forward + 2 * one_norm
    embeddings = (1 if tie_embeddings else 2) * vocab_size * d + max_positions * d
    total = n_layers * per_block + embeddings + one_norm
    shape = tuple(total.shape)
    return {"per_block": xp.broadcast_to(per_block, shape), "total": total}
