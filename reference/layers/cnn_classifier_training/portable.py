"""Plain SGD on a two-block CNN (conv-relu-maxpool twice, a linear head, cross-entropy),
forward and backward written with array API operations (im2col convolutions)."""

from __future__ import annotations

from typing import Any

import array_api_extra as xpx

from mlcanon_reference.layers._portable import check_int


def _patches(xp: Any, x: Any, k: int) -> Any:
    """(N, C·k·k, H·W) columns of a zero-padded 'same' k×k window, channel-major."""
    n, c, h, w = x.shape
    p = k // 2
    padded = xpx.pad(x, ((0, 0), (0, 0), (p, p), (p, p)), xp=xp)
    taps = [padded[:, :, u:u + h, v:v + w] for u in range(k) for v in range(k)]
    return xp.reshape(xp.stack(taps, axis=2), (n, c * k * k, h * w))


def _conv_forward(xp: Any, x: Any, weight: Any, bias: Any) -> tuple[Any, Any]:
    n, _, h, w = x.shape
    cols = _patches(xp, x, weight.shape[-1])
    z = xp.matmul(xp.reshape(weight, (weight.shape[0], -1)), cols)
    return xp.reshape(z, (n, weight.shape[0], h, w)) + xp.reshape(bias, (1, -1, 1, 1)), cols


def _conv_backward(xp: Any, dz: Any, cols: Any, weight: Any, x_shape: tuple[int, ...]
                   ) -> tuple[Any, Any, Any]:
    n, c, h, w = x_shape
    o, k = weight.shape[0], weight.shape[-1]
    p = k // 2
    dz_mat = xp.reshape(dz, (n, o, h * w))
    d_weight = xp.reshape(xp.sum(xp.matmul(dz_mat, xp.matrix_transpose(cols)), axis=0),
                          tuple(weight.shape))
    d_cols = xp.reshape(xp.matmul(xp.matrix_transpose(xp.reshape(weight, (o, -1))), dz_mat),
                        (n, c, k * k, h, w))
    # each tap's gradient goes back to where it was read in the padded input
    d_padded = sum(xpx.pad(d_cols[:, :, u * k + v, ...], ((0, 0), (0, 0), (u, k - 1 - u),
                                                     (v, k - 1 - v)), xp=xp)
                   for u in range(k) for v in range(k))
    return d_weight, xp.sum(dz, axis=(0, 2, 3)), d_padded[:, :, p:p + h, p:p + w]


def _pool_forward(xp: Any, x: Any) -> tuple[Any, list[Any]]:
    """2×2 max pooling, stride 2, odd edges dropped; the masks send the gradient to the first
    maximum of each window in row-major order, as torch's max_pool2d does."""
    h2, w2 = x.shape[2] // 2, x.shape[3] // 2
    corners = [x[:, :, u:2 * h2:2, v:2 * w2:2] for u in range(2) for v in range(2)]
    out = xp.maximum(xp.maximum(corners[0], corners[1]), xp.maximum(corners[2], corners[3]))
    taken = xp.zeros(out.shape, dtype=xp.bool)
    masks = []
    for corner in corners:
        mask = (corner == out) & ~taken
        taken = taken | mask
        masks.append(mask)
    return out, masks


def _pool_backward(xp: Any, d_out: Any, masks: list[Any], x_shape: tuple[int, ...]) -> Any:
    n, c, h2, w2 = d_out.shape
    zero = xp.zeros_like(d_out)
    parts = [xp.where(mask, d_out, zero) for mask in masks]
    rows = [xp.reshape(xp.stack(parts[2 * u:2 * u + 2], axis=-1), (n, c, h2, 2 * w2))
            for u in range(2)]
    full = xp.reshape(xp.stack(rows, axis=-2), (n, c, 2 * h2, 2 * w2))
    return xpx.pad(full, ((0, 0), (0, 0), (0, x_shape[2] - 2 * h2), (0, x_shape[3] - 2 * w2)),
                   xp=xp)


def _block_forward(xp: Any, x: Any, weight: Any, bias: Any) -> tuple[Any, tuple[Any, ...]]:
    z, cols = _conv_forward(xp, x, weight, bias)
    relu = xp.maximum(z, xp.zeros_like(z))
    out, masks = _pool_forward(xp, relu)
    return out, (cols, z, masks, tuple(x.shape), tuple(relu.shape))


def _block_backward(xp: Any, d_out: Any, weight: Any, saved: tuple[Any, ...]
                    ) -> tuple[Any, Any, Any]:
    cols, z, masks, x_shape, relu_shape = saved
    d_relu = _pool_backward(xp, d_out, masks, relu_shape)
    dz = xp.where(z > 0, d_relu, xp.zeros_like(d_relu))  # relu'(0) = 0
    return _conv_backward(xp, dz, cols, weight, x_shape)


def _loss_and_grads(xp: Any, x: Any, labels: Any, params: list[Any]) -> tuple[Any, list[Any]]:
    w1, b1, w2, b2, wh, bh = params
    h1, saved1 = _block_forward(xp, x, w1, b1)
    h2, saved2 = _block_forward(xp, h1, w2, b2)
    n = x.shape[0]
    flat = xp.reshape(h2, (n, -1))
    logits = xp.matmul(flat, xp.matrix_transpose(wh)) + bh
    shifted = logits - xp.max(logits, axis=-1, keepdims=True)
    log_z = xp.log(xp.sum(xp.exp(shifted), axis=-1, keepdims=True))
    onehot = xp.astype(labels[:, None] == xp.arange(wh.shape[0])[None, :], x.dtype)
    loss = -xp.sum(onehot * (shifted - log_z)) / n
    d_logits = (xp.exp(shifted - log_z) - onehot) / n
    d_flat = xp.matmul(d_logits, wh)
    dw2, db2, d_h1 = _block_backward(xp, xp.reshape(d_flat, tuple(h2.shape)), w2, saved2)
    dw1, db1, _ = _block_backward(xp, d_h1, w1, saved1)
    return loss, [dw1, db1, dw2, db2, xp.matmul(xp.matrix_transpose(d_logits), flat),
                  xp.sum(d_logits, axis=0)]


def _check(x: Any, labels: Any, params: list[Any], lr: float, steps: int) -> None:
    check_int(steps, "steps", 0)
    if not lr >= 0:
        msg = f"lr must be >= 0, got {lr!r}"
        raise ValueError(msg)
    w1, b1, w2, b2, wh, bh = params
    for name, w in (("conv1_weight", w1), ("conv2_weight", w2)):
        if w.ndim != 4 or w.shape[2] != w.shape[3] or w.shape[2] % 2 == 0:
            msg = f"{name} {tuple(w.shape)} must be (out, in, k, k) with k odd ('same' padding)"
            raise ValueError(msg)
    features = w2.shape[0] * (x.shape[2] // 4) * (x.shape[3] // 4) if x.ndim == 4 else -1
    if (x.ndim != 4 or x.shape[1] != w1.shape[1] or w2.shape[1] != w1.shape[0]
            or tuple(b1.shape) != (w1.shape[0],) or tuple(b2.shape) != (w2.shape[0],)
            or wh.ndim != 2 or wh.shape[1] != features or tuple(bh.shape) != (wh.shape[0],)
            or tuple(labels.shape) != (x.shape[0],)):
        msg = (f"shapes disagree: x {tuple(x.shape)} (N, C, H, W), conv weights "
               f"{tuple(w1.shape)} and {tuple(w2.shape)}, head {tuple(wh.shape)} needs "
               f"{features} features, labels {tuple(labels.shape)}")
        raise ValueError(msg)


def cnn_classifier_training(xp: Any, x: Any, labels: Any, conv1_weight: Any, conv1_bias: Any,
                            conv2_weight: Any, conv2_bias: Any, head_weight: Any,
                            head_bias: Any, *, lr: float = 0.1,
                            steps: int = 1) -> tuple[Any, ...]:
    params = [conv1_weight, conv1_bias, conv2_weight, conv2_bias, head_weight, head_bias]
    _check(x, labels, params, lr, steps)
    if bool(xp.any(labels < 0)) or bool(xp.any(labels >= head_weight.shape[0])):
        msg = f"labels must lie in [0, {head_weight.shape[0]})"
        raise ValueError(msg)
    losses = []
    for _ in range(steps):
        loss, grads = _loss_and_grads(xp, x, labels, params)
        losses.append(loss)
        params = [p - lr * g for p, g in zip(params, grads, strict=True)]
    history = xp.stack(losses) if losses else xp.zeros((0,), dtype=x.dtype)
    return (*params, history)
