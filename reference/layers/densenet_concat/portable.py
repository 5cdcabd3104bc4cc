"""A DenseNet dense block on any array namespace: each layer sees the channel-wise
concatenation of the input and every earlier layer's output, and adds its own."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers.conv2d.portable import conv2d


def _check(x: Any, weights: list[Any], given: tuple[Any, ...]) -> None:
    if given[1] is None and given[2] is not None:
        msg = "weight3 was given without weight2: layers are added in order"
        raise ValueError(msg)
    if x.ndim != 4:
        msg = f"x must be (N, C, H, W), got shape {tuple(x.shape)}"
        raise ValueError(msg)
    channels = x.shape[1]
    for number, w in enumerate(weights, start=1):
        if w.ndim != 4 or w.shape[1] != channels or w.shape[2] != w.shape[3] or \
                w.shape[2] % 2 == 0:
            msg = (f"weight{number} {tuple(w.shape)} must be (G, {channels}, k, k) with k odd "
                   f"(layer {number} sees {channels} channels)")
            raise ValueError(msg)
        channels += w.shape[0]


def densenet_concat(xp: Any, x: Any, weight1: Any, weight2: Any = None,
                    weight3: Any = None) -> Any:
    given = (weight1, weight2, weight3)
    weights = [w for w in given if w is not None]
    _check(x, weights, given)
    features = x
    for w in weights:
        # BN-ReLU-Conv without the BN: the ReLU acts on the layer's input only, so the
        # block's output keeps every map as it was made (negative values included)
        relu = xp.maximum(features, xp.zeros((), dtype=features.dtype))
        new = conv2d(xp, relu, w, padding=w.shape[-1] // 2)
        features = xp.concat([features, new], axis=1)
    return features
