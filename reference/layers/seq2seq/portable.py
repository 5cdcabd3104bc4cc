"""An RNN encoder-decoder with greedy decoding on any array namespace."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import check_int, dense


def _check(src: Any, enc_weight_ih: Any, enc_weight_hh: Any, dec_embedding: Any,
           dec_weight_ih: Any, dec_weight_hh: Any, out_weight: Any, max_len: int,
           bos: int) -> None:
    if src.ndim != 3 or src.shape[1] == 0:
        msg = f"src must be (N, T, I) with T >= 1, got shape {tuple(src.shape)}"
        raise ValueError(msg)
    hidden, vocab = enc_weight_hh.shape[0], dec_embedding.shape[0]
    shapes = {"enc_weight_hh": (enc_weight_hh, (hidden, hidden)),
              "dec_weight_hh": (dec_weight_hh, (hidden, hidden)),
              "dec_weight_ih": (dec_weight_ih, (hidden, dec_embedding.shape[-1])),
              "out_weight": (out_weight, (vocab, hidden)),
              "enc_weight_ih": (enc_weight_ih, (hidden, src.shape[2]))}
    for name, (array, shape) in shapes.items():
        if tuple(array.shape) != shape:
            msg = f"{name} has shape {tuple(array.shape)}, expected {shape}"
            raise ValueError(msg)
    check_int(max_len, "max_len", 1)
    if check_int(bos, "bos", 0) >= vocab:
        msg = f"bos = {bos} is not a token of the vocabulary of {vocab}"
        raise ValueError(msg)


def seq2seq(xp: Any, src: Any, enc_weight_ih: Any, enc_weight_hh: Any, dec_embedding: Any,
            dec_weight_ih: Any, dec_weight_hh: Any, out_weight: Any, enc_bias: Any = None,
            dec_bias: Any = None, out_bias: Any = None, *, max_len: int = 5,
            bos: int = 0) -> tuple[Any, Any]:
    _check(src, enc_weight_ih, enc_weight_hh, dec_embedding, dec_weight_ih, dec_weight_hh,
           out_weight, max_len, bos)
    n = src.shape[0]
    h = xp.zeros((n, enc_weight_hh.shape[0]), dtype=src.dtype)
    for t in range(src.shape[1]):
        h = xp.tanh(dense(xp, src[:, t, :], enc_weight_ih, enc_bias, "encoder")
                    + xp.matmul(h, xp.matrix_transpose(enc_weight_hh)))
    previous = xp.full((n,), bos, dtype=xp.int64)
    tokens, logits = [], []
    for _ in range(max_len):
        embedded = xp.take(dec_embedding, previous, axis=0)
        h = xp.tanh(dense(xp, embedded, dec_weight_ih, dec_bias, "decoder")
                    + xp.matmul(h, xp.matrix_transpose(dec_weight_hh)))
        step = dense(xp, h, out_weight, out_bias, "output")
        previous = xp.astype(xp.argmax(step, axis=-1), xp.int64)  # first maximum on ties
        tokens.append(previous)
        logits.append(step)
    return xp.stack(tokens, axis=1), xp.stack(logits, axis=1)
