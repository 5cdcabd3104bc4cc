"""ViT patch embedding on any array namespace: cut the image into patches, one matmul."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import check_int


def _check(x: Any, weight: Any, bias: Any, cls: Any, patch: int) -> None:
    if x.ndim != 4 or weight.ndim != 4 or x.shape[1] != weight.shape[1]:
        msg = (f"x {tuple(x.shape)} (N, C, H, W) does not match weight "
               f"{tuple(weight.shape)} (D, C, P, P)")
        raise ValueError(msg)
    if tuple(weight.shape[2:]) != (patch, patch):
        msg = f"weight kernel {tuple(weight.shape[2:])} must be the patch ({patch}, {patch})"
        raise ValueError(msg)
    if x.shape[2] % patch or x.shape[3] % patch:
        msg = f"image {tuple(x.shape[2:])} is not a whole number of {patch}x{patch} patches"
        raise ValueError(msg)
    for name, vector in (("bias", bias), ("cls", cls)):
        if vector is not None and tuple(vector.shape) != (weight.shape[0],):
            msg = f"{name} shape {tuple(vector.shape)} must be ({weight.shape[0]},)"
            raise ValueError(msg)


def vit_patch_embedding(xp: Any, x: Any, weight: Any, bias: Any = None, cls: Any = None,
                        pos: Any = None, *, patch: Any = None) -> Any:
    p = weight.shape[-1] if patch is None and weight.ndim == 4 else patch
    p = check_int(p, "patch", 1)
    _check(x, weight, bias, cls, p)
    n, c, h, w = x.shape
    d = weight.shape[0]
    rows, cols = h // p, w // p
    # (N, C, rows, P, cols, P) -> (N, rows, cols, C, P, P): each patch flattened as OIHW is
    patches = xp.permute_dims(xp.reshape(x, (n, c, rows, p, cols, p)), (0, 2, 4, 1, 3, 5))
    patches = xp.reshape(patches, (n, rows * cols, c * p * p))
    y = xp.matmul(patches, xp.matrix_transpose(xp.reshape(weight, (d, c * p * p))))
    if bias is not None:
        y = y + bias
    if cls is not None:
        y = xp.concat([xp.broadcast_to(xp.reshape(cls, (1, 1, d)), (n, 1, d)), y], axis=1)
    if pos is not None:
        if tuple(pos.shape) != tuple(y.shape[1:]):
            msg = f"pos shape {tuple(pos.shape)} must be {tuple(y.shape[1:])} (tokens, D)"
            raise ValueError(msg)
        y = y + pos
    return y
