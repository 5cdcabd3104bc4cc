"""The oracle of ssm_convolution_kernel: powers by repeated products, then the causal sum."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("ssm_convolution_kernel")
def ssm_convolution_kernel(A_bar: np.ndarray, B_bar: np.ndarray, C: np.ndarray,
                           u: np.ndarray) -> dict[str, np.ndarray]:
    if not A_bar.shape == B_bar.shape == C.shape:
        msg = "A_bar, B_bar and C must have one length"
        raise ValueError(msg)
    length = u.shape[-1]
    power = [mp.mpf(1)] * len(A_bar)  # A_bar^0 = 1, also for A_bar = 0
    kernel = np.empty(length, dtype=object)
    for j in range(length):
        kernel[j] = sum(c * p * b for c, p, b in zip(C, power, B_bar, strict=True))
        power = [p * a for p, a in zip(power, A_bar, strict=True)]
    y = np.empty(u.shape, dtype=object)
    for lead in np.ndindex(u.shape[:-1]):
        for k in range(length):
            y[(*lead, k)] = sum(kernel[j] * u[(*lead, k - j)] for j in range(k + 1))
    return {"K": kernel, "y": y}
