"""TextCNN feature extraction on any array namespace: one valid 1-D convolution per filter
width, the activation, the maximum over positions, the banks side by side."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.layers._portable import conv1d_ncl

ACTIVATIONS = ("relu", "tanh", "identity")


def _activate(xp: Any, name: str, z: Any) -> Any:
    if name == "relu":
        return xp.maximum(z, xp.zeros_like(z))
    return xp.tanh(z) if name == "tanh" else z


def textcnn_max_over_time(xp: Any, x: Any, weight: Any, bias: Any = None, weight2: Any = None,
                          bias2: Any = None, weight3: Any = None, bias3: Any = None, *,
                          activation: str = "relu") -> Any:
    if activation not in ACTIVATIONS:
        msg = f"activation must be one of {ACTIVATIONS}, got {activation!r}"
        raise ValueError(msg)
    if x.ndim != 3:
        msg = f"x must be (N, L, E) embedded sentences, got shape {tuple(x.shape)}"
        raise ValueError(msg)
    channels_first = xp.permute_dims(x, (0, 2, 1))  # (N, E, L): embedding dims are channels
    banks = []
    for w, b in ((weight, bias), (weight2, bias2), (weight3, bias3)):
        if w is None:
            if b is not None:
                msg = "a bias was given for a filter bank without weights"
                raise ValueError(msg)
            continue
        # conv1d_ncl checks shapes and raises if the sentence is shorter than the filter
        z = conv1d_ncl(xp, channels_first, w, b)
        banks.append(xp.max(_activate(xp, activation, z), axis=2))
    return xp.concat(banks, axis=1)
