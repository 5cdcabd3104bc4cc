"""Helpers that several layers portable implementations share (array API code, no oracle)."""

from __future__ import annotations

from typing import Any


def pair(value: Any, what: str) -> tuple[int, int]:
    """(value, value) for an int, the two ints of a list or tuple of two."""
    pair = tuple(value) if isinstance(value, (list, tuple)) else (value, value)
    if len(pair) != 2:
        msg = f"{what} must be an int or a pair of ints, got {value!r}"
        raise ValueError(msg)
    return int(pair[0]), int(pair[1])


def window_count(size: int, span: int, stride: int, padding: int, what: str) -> int:
    """How many windows of span fit, stride apart, in size padded by padding on each side.

    The caller has checked stride, padding and its own window parameters; ``what`` names
    span in the message raised when no window fits.
    """
    if span > size + 2 * padding:
        msg = f"{what} {span} exceeds the padded input size {size + 2 * padding}"
        raise ValueError(msg)
    return (size + 2 * padding - span) // stride + 1  # floor: a partial window is dropped


def check_int(value: Any, what: str, smallest: int) -> int:
    """value as an int, at least ``smallest`` (ValueError otherwise, TypeError for a non-int)."""
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{what} must be an int, got {value!r}"
        raise TypeError(msg)
    if value < smallest:
        msg = f"{what} must be >= {smallest}, got {value}"
        raise ValueError(msg)
    return value


def conv1d_ncl(xp: Any, x: Any, weight: Any, bias: Any = None, *, stride: int = 1,
               padding: int = 0, dilation: int = 1) -> Any:
    """Validated 1-D cross-correlation, x (N, C, L), weight (O, C, k): taps as strided slices."""
    if x.ndim != 3 or weight.ndim != 3 or x.shape[1] != weight.shape[1]:
        msg = (f"x {tuple(x.shape)} (N, C, L) does not match weight "
               f"{tuple(weight.shape)} (O, C, k)")
        raise ValueError(msg)
    if bias is not None and tuple(bias.shape) != (weight.shape[0],):
        msg = f"bias shape {tuple(bias.shape)} must be ({weight.shape[0]},)"
        raise ValueError(msg)
    stride = check_int(stride, "stride", 1)
    dilation = check_int(dilation, "dilation", 1)
    padding = check_int(padding, "padding", 0)
    n, c, length = x.shape
    o, _, k = weight.shape
    out = window_count(length, dilation * (k - 1) + 1, stride, padding, "kernel span")
    if padding:
        import array_api_extra as xpx

        x = xpx.pad(x, ((0, 0), (0, 0), (padding, padding)), xp=xp)
    taps = [x[:, :, u * dilation:u * dilation + (out - 1) * stride + 1:stride] for u in range(k)]
    patches = xp.reshape(xp.stack(taps, axis=2), (n, c * k, out))  # channel-major, as OIK
    y = xp.matmul(xp.reshape(weight, (o, c * k)), patches)
    return y if bias is None else y + xp.reshape(bias, (o, 1))


def check_cell(x: Any, h: Any, weight_ih: Any, weight_hh: Any, bias_ih: Any, bias_hh: Any,
               gates: int) -> None:
    """Shapes of a recurrent cell: x (..., I), h (..., H), weights (G·H, I) and (G·H, H),
    biases (G·H,) both or neither (ValueError otherwise)."""
    hidden = h.shape[-1]
    if (x.ndim not in (1, 2) or h.ndim != x.ndim or tuple(x.shape[:-1]) != tuple(h.shape[:-1])
            or tuple(weight_ih.shape) != (gates * hidden, x.shape[-1])
            or tuple(weight_hh.shape) != (gates * hidden, hidden)):
        msg = (f"cell shapes disagree: x {tuple(x.shape)}, h {tuple(h.shape)}, weight_ih "
               f"{tuple(weight_ih.shape)}, weight_hh {tuple(weight_hh.shape)} for {gates} gates")
        raise ValueError(msg)
    if (bias_ih is None) != (bias_hh is None):
        msg = "give both biases (bias_ih, bias_hh) or neither"
        raise ValueError(msg)
    for bias in (bias_ih, bias_hh):
        if bias is not None and tuple(bias.shape) != (gates * hidden,):
            msg = f"bias shape {tuple(bias.shape)} must be ({gates * hidden},)"
            raise ValueError(msg)


def gate_preactivations(xp: Any, v: Any, weight: Any, bias: Any, gates: int) -> list[Any]:
    """v·Wᵀ + b split into the G gate blocks along the last axis."""
    z = xp.matmul(v, xp.matrix_transpose(weight)) if v.ndim > 1 else \
        xp.matmul(weight, v)
    if bias is not None:
        z = z + bias
    hidden = weight.shape[0] // gates
    return [z[..., g * hidden:(g + 1) * hidden] for g in range(gates)]


ACTIVATIONS = ("relu", "sigmoid", "tanh", "gelu", "identity")


def check_activation(name: str, what: str = "activation") -> str:
    if name not in ACTIVATIONS:
        msg = f"{what} must be one of {ACTIVATIONS}, got {name!r}"
        raise ValueError(msg)
    return name


def activation(xp: Any, name: str, z: Any) -> Any:
    """A named activation; gelu is the exact form x·Φ(x), Φ through erfc (no cancellation)."""
    import math

    from mlcanon import xp as extra

    if name == "relu":
        return xp.maximum(z, xp.zeros_like(z))
    if name == "sigmoid":
        return 0.5 * (xp.tanh(0.5 * z) + 1.0)  # no overflow of e^-z
    if name == "tanh":
        return xp.tanh(z)
    if name == "gelu":
        return z * extra.special().erfc(-z / math.sqrt(2.0)) / 2
    return z


def dense(xp: Any, v: Any, weight: Any, bias: Any, what: str) -> Any:
    """v·Wᵀ + b with W of shape (out, in), after checking the sizes agree."""
    if weight.ndim != 2 or v.shape[-1] != weight.shape[1] or \
            (bias is not None and tuple(bias.shape) != (weight.shape[0],)):
        msg = (f"{what}: weight {tuple(weight.shape)} (out, in) and bias "
               f"{None if bias is None else tuple(bias.shape)} do not fit input "
               f"{tuple(v.shape)}")
        raise ValueError(msg)
    z = xp.matmul(v, xp.matrix_transpose(weight))
    return z if bias is None else z + bias
