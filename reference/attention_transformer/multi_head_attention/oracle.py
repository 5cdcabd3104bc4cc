"""The oracle of multi_head_attention: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import allowed_keys, attend


def _linear(x: np.ndarray, w: np.ndarray, b: np.ndarray | None) -> np.ndarray:
    """x W^T + b with W of shape (out_features, in_features), torch's layout."""
    y = np.matmul(x, w.T)
    return y if b is None else y + b


@oracle("multi_head_attention")
def multi_head_attention(x_q: np.ndarray, x_kv: np.ndarray, w_q: np.ndarray, w_k: np.ndarray,
                         w_v: np.ndarray, w_o: np.ndarray, b_q: np.ndarray | None = None,
                         b_k: np.ndarray | None = None, b_v: np.ndarray | None = None,
                         b_o: np.ndarray | None = None, mask: np.ndarray | None = None, *,
                         num_heads: int = 8, is_causal: bool = False) -> np.ndarray:
    e = w_q.shape[0]
    dh = e // num_heads
    q = _linear(x_q, w_q, b_q)
    k = _linear(x_kv, w_k, b_k)
    v = _linear(x_kv, w_v, b_v)

    def heads(t: np.ndarray) -> np.ndarray:
        # features [h*dh, (h+1)*dh) belong to head h: (..., L, E) -> (..., H, L, dh)
        return np.swapaxes(t.reshape((*t.shape[:-1], num_heads, dh)), -2, -3)

    batch = np.broadcast_shapes(x_q.shape[:-2], x_kv.shape[:-2])
    allowed = allowed_keys(x_q.shape[-2], x_kv.shape[-2], mask, is_causal, batch)
    per_head = attend(heads(q), heads(k), heads(v), allowed[..., None, :, :],
                       1 / mpa.mp.sqrt(dh))
    concat = np.swapaxes(per_head, -2, -3)
    concat = concat.reshape((*concat.shape[:-2], e))
    return _linear(concat, w_o, b_o)
