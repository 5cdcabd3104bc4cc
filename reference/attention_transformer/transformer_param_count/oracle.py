"""The oracle of transformer_param_count: every weight matrix, bias and norm vector of a
decoder-only transformer counted by name, configuration by configuration (Python integers)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


def _counts(d: int, n: int, *, ffn_mult: int, d_ff: int | None, ffn: str, norm: str | None,
            bias: bool, vocab_size: int, tie_embeddings: bool,
            max_positions: int) -> tuple[int, int]:
    if d < 1 or n < 0 or ffn_mult < 1 or vocab_size < 0 or max_positions < 0 \
            or (d_ff is not None and d_ff < 1):
        msg = f"bad sizes: d_model {d}, n_layers {n}"
        raise ValueError(msg)
    width = ffn_mult * d if d_ff is None else d_ff
    b = 1 if bias else 0
    attention = {"w_q": d * d, "w_k": d * d, "w_v": d * d, "w_o": d * d,
                 "b_q": b * d, "b_k": b * d, "b_v": b * d, "b_o": b * d}
    if ffn == "mlp":
        mlp = {"w_in": d * width, "w_out": width * d, "b_in": b * width, "b_out": b * d}
    elif ffn == "gated":
        mlp = {"w_gate": d * width, "w_up": d * width, "w_down": width * d,
               "b_gate": b * width, "b_up": b * width, "b_down": b * d}
    else:
        msg = f"unknown ffn {ffn!r}"
        raise ValueError(msg)
    vectors = {None: 0, "rmsnorm": 1, "layernorm": 2}  # gain (and shift) per norm
    if norm not in vectors:
        msg = f"unknown norm {norm!r}"
        raise ValueError(msg)
    one_norm = vectors[norm] * d
    block = sum(attention.values()) + sum(mlp.values()) + 2 * one_norm  # pre-attn, pre-FFN
    heads = 1 if tie_embeddings else 2  # token embedding, and the output head unless tied
    total = n * block + heads * vocab_size * d + max_positions * d + one_norm  # final norm
    return block, total


@oracle("transformer_param_count", precision="float64")
def transformer_param_count(d_model: np.ndarray, n_layers: np.ndarray, *, ffn_mult: int = 4,
                            d_ff: int | None = None, ffn: str = "mlp",
                            norm: str | None = None, bias: bool = False, vocab_size: int = 0,
                            tie_embeddings: bool = False,
                            max_positions: int = 0) -> dict[str, np.ndarray]:
    d_all, n_all = np.broadcast_arrays(np.asarray(d_model), np.asarray(n_layers))
    per_block = np.zeros(d_all.shape, dtype=np.int64)
    total = np.zeros(d_all.shape, dtype=np.int64)
    for index in np.ndindex(*d_all.shape):
        per_block[index], total[index] = _counts(
            int(d_all[index]), int(n_all[index]), ffn_mult=ffn_mult, d_ff=d_ff, ffn=ffn,
            norm=norm, bias=bias, vocab_size=vocab_size, tie_embeddings=tie_embeddings,
            max_positions=max_positions)
    return {"per_block": per_block, "total": total}
