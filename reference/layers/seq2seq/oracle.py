"""The oracle of seq2seq: encoder and greedy decoder step by step, sums written out (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _rnn_step(v: list, h: list, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray | None
              ) -> list:
    return [mpa.mp.tanh(sum(w_ih[j, i] * v[i] for i in range(len(v)))
                        + sum(w_hh[j, k] * h[k] for k in range(len(h)))
                        + (0 if bias is None else bias[j])) for j in range(w_hh.shape[0])]


@oracle("seq2seq")
def seq2seq(src: np.ndarray, enc_weight_ih: np.ndarray, enc_weight_hh: np.ndarray,
            dec_embedding: np.ndarray, dec_weight_ih: np.ndarray, dec_weight_hh: np.ndarray,
            out_weight: np.ndarray, enc_bias: np.ndarray | None = None,
            dec_bias: np.ndarray | None = None, out_bias: np.ndarray | None = None, *,
            max_len: int = 5, bos: int = 0) -> tuple[np.ndarray, np.ndarray]:
    n, steps, _ = src.shape
    vocab, hidden = dec_embedding.shape[0], enc_weight_hh.shape[0]
    if steps == 0 or max_len < 1 or not 0 <= bos < vocab or \
            dec_weight_hh.shape != (hidden, hidden) or out_weight.shape != (vocab, hidden):
        msg = f"bad seq2seq input: T = {steps}, max_len = {max_len}, bos = {bos}"
        raise ValueError(msg)
    tokens = np.zeros((n, max_len), dtype=np.int64)
    logits = np.empty((n, max_len, vocab), dtype=object)
    for b in range(n):
        h = [mpa.mpf(0)] * hidden
        for t in range(steps):
            h = _rnn_step(list(src[b, t]), h, enc_weight_ih, enc_weight_hh, enc_bias)
        previous = bos  # the context h_T starts the decoder
        for t in range(max_len):
            h = _rnn_step(list(dec_embedding[previous]), h, dec_weight_ih, dec_weight_hh,
                          dec_bias)
            best = 0
            for v in range(vocab):
                logits[b, t, v] = sum(out_weight[v, k] * h[k] for k in range(hidden)) + \
                    (0 if out_bias is None else out_bias[v])
                if logits[b, t, v] > logits[b, t, best]:
                    best = v  # strictly greater: the first of tied maxima wins
            tokens[b, t] = previous = best
    return tokens, logits
