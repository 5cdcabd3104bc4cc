"""Learned positional embedding on any array namespace: E_tok[ids] + E_pos[0..L−1]."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.layers.embedding_lookup.portable import embedding_lookup


def learned_positional_embedding(xp: Any, tok: Any, pos: Any, ids: Any, *,
                                 max_len: int | None = None) -> Any:
    if tok.ndim != 2 or pos.ndim != 2 or tok.shape[1] != pos.shape[1] or ids.ndim < 1:
        msg = (f"need tok (vocab, d), pos (max_len, d) and ids (..., L), got "
               f"{tuple(tok.shape)}, {tuple(pos.shape)}, {tuple(ids.shape)}")
        raise ValueError(msg)
    if max_len is not None:
        if not 1 <= max_len <= pos.shape[0]:
            msg = f"max_len must lie in [1, {pos.shape[0]}] (rows of pos), got {max_len}"
            raise ValueError(msg)
        ids = ids[..., max(0, ids.shape[-1] - max_len):]  # keep the last max_len tokens
    length = ids.shape[-1]
    if length > pos.shape[0]:
        msg = f"{length} tokens but positions only up to {pos.shape[0] - 1}: crop with max_len"
        raise IndexError(msg)
    positions = xp.arange(length, device=device(ids))
    return embedding_lookup(xp, tok, ids) + embedding_lookup(xp, pos, positions)
