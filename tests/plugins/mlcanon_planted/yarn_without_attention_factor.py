"""Planted bug: YaRN's NTK-by-parts frequencies without the attention factor 0.1·ln(s) + 1.

Ports that copy the frequency blend but drop the mscale multiplying cos and sin (or apply
it to the logits of one side only) run the extended model at the wrong temperature.
"""

import math

import numpy as np


def yarn(x, positions, *, scale=4.0, original_len=4096, base=10000.0, alpha=1.0, beta=32.0,
         attention_factor=None, pairing="interleaved"):
    d = x.shape[-1]
    freqs = []
    for i in range(d // 2):
        theta = base ** (-2 * i / d)
        rotations = original_len * theta / (2 * math.pi)
        gamma = min(1.0, max(0.0, (rotations - alpha) / (beta - alpha)))
        freqs.append((1 - gamma) * theta / scale + gamma * theta)
    angle = np.asarray(positions, dtype=x.dtype)[..., None] * np.asarray(freqs, dtype=x.dtype)
    cos, sin = np.cos(angle), np.sin(angle)  # the bug: no attention factor on cos and sin
    if pairing == "interleaved":
        first, second = x[..., 0::2], x[..., 1::2]
    else:
        first, second = x[..., : d // 2], x[..., d // 2 :]
    new_first = first * cos - second * sin
    new_second = first * sin + second * cos
    if pairing == "half":
        return np.concatenate([new_first, new_second], axis=-1)
    return np.stack([new_first, new_second], axis=-1).reshape(x.shape)
