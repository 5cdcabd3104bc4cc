"""2-D cross-correlation (NCHW, OIHW) on any array namespace: strided-slice taps, one matmul."""

from __future__ import annotations

from typing import Any

import array_api_extra as xpx

from mlcanon_reference.layers._portable import pair, window_count


def _out_size(size: int, kernel: int, stride: int, padding: int, dilation: int) -> int:
    if stride < 1 or dilation < 1 or padding < 0:
        msg = (f"stride {stride} and dilation {dilation} must be >= 1, "
               f"padding {padding} >= 0")
        raise ValueError(msg)
    return window_count(size, dilation * (kernel - 1) + 1, stride, padding, "kernel span")


def _check_shapes(x: Any, weight: Any, bias: Any) -> None:
    if x.ndim != 4 or weight.ndim != 4 or x.shape[1] != weight.shape[1]:
        msg = (f"x {tuple(x.shape)} (N, C, H, W) does not match weight "
               f"{tuple(weight.shape)} (O, C, kH, kW)")
        raise ValueError(msg)
    if bias is not None and tuple(bias.shape) != (weight.shape[0],):
        msg = f"bias shape {tuple(bias.shape)} must be ({weight.shape[0]},)"
        raise ValueError(msg)


def conv2d(xp: Any, x: Any, weight: Any, bias: Any = None, *, stride: Any = 1,
           padding: Any = 0, dilation: Any = 1) -> Any:
    _check_shapes(x, weight, bias)
    n, c, h, w = x.shape
    o, _, kh, kw = weight.shape
    (sh, sw), (ph, pw) = pair(stride, "stride"), pair(padding, "padding")
    dh, dw = pair(dilation, "dilation")
    ho = _out_size(h, kh, sh, ph, dh)
    wo = _out_size(w, kw, sw, pw, dw)
    if ph or pw:
        x = xpx.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), xp=xp)
    # tap (u, v) of every window is one strided slice of the padded input: (N, C, Ho, Wo)
    taps = [x[:, :, u * dh:u * dh + (ho - 1) * sh + 1:sh, v * dw:v * dw + (wo - 1) * sw + 1:sw]
            for u in range(kh) for v in range(kw)]
    # (N, C, kh*kw, Ho, Wo) flattens channel-major, as the OIHW weight does
    patches = xp.reshape(xp.stack(taps, axis=2), (n, c * kh * kw, ho * wo))
    y = xp.matmul(xp.reshape(weight, (o, c * kh * kw)), patches)  # (N, O, Ho*Wo)
    y = xp.reshape(y, (n, o, ho, wo))
    return y if bias is None else y + xp.reshape(bias, (o, 1, 1))
