"""Property checks of per_channel_quantization (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("channels_quantized_alone")
def channels_quantized_alone(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                             dtype: str, bound: Any, *, input: str = "w",
                             output: str = "w_hat") -> None:
    """Channel c of the whole tensor equals the tensor made of channel c alone: no
    statistic crosses channels. Every |w - w_hat| is at most s_c/2."""
    w = inputs[input]
    whole = run(inputs, params)
    for c in range(w.shape[0]):
        alone = run({input: w[c:c + 1]}, params)
        if not np.array_equal(np.asarray(alone["q"])[0], np.asarray(whole["q"])[c]):
            msg = f"channel {c} quantizes differently alone: {alone['q'][0]} vs {whole['q'][c]}"
            raise CheckFailed(msg)
        assert_close(alone[output][0], np.asarray(whole[output][c], dtype=np.float64), bound,
                     f"{output} of channel {c} alone")
        scale = float(np.max(np.asarray(whole["scale"], dtype=np.float64)[c]))
        error = np.abs(w[c] - np.asarray(whole[output][c], dtype=np.float64))
        if np.any(error > scale / 2 * (1 + bound.k * bound.eps) + bound.k * bound.eps):
            msg = f"channel {c}: |w - w_hat| = {float(error.max())!r} exceeds s/2 = {scale / 2!r}"
            raise CheckFailed(msg)
