"""Planted bug: ViT patch tokens in column-major order (the patch grid read column by
column, as an einops pattern '(w h)' in place of '(h w)' does), where the canon reads the
grid row by row."""

import numpy as np


def vit_patch_embedding(x, weight, bias=None, cls=None, pos=None, *, patch=None):
    n, c, h, w = x.shape
    d = weight.shape[0]
    p = weight.shape[-1] if patch is None else patch
    rows, cols = h // p, w // p
    grid = x.reshape(n, c, rows, p, cols, p)
    # the bug: (N, cols, rows, C, P, P) puts the column index first
    patches = grid.transpose(0, 4, 2, 1, 3, 5).reshape(n, rows * cols, c * p * p)
    y = patches @ weight.reshape(d, c * p * p).T
    if bias is not None:
        y = y + bias
    if cls is not None:
        y = np.concatenate([np.broadcast_to(cls, (n, 1, d)), y], axis=1)
    if pos is not None:
        y = y + pos
    return y.astype(x.dtype)
