"""The quantization oracle agrees with a direct float64 NumPy transcription.

PyTorch's quantized tensors are code under test, never an oracle.
"""

from __future__ import annotations

import numpy as np

from tests.oracles.conftest import frozen_inputs, oracle_outputs

KINDS = ("edge", "generated")


def _numpy_float64(w: np.ndarray, bits: int, scheme: str) -> dict[str, np.ndarray]:
    qmin, qmax = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    if scheme == "affine":
        lo, hi = min(w.min(), 0.0), max(w.max(), 0.0)
        scale = (hi - lo) / (qmax - qmin) or 1.0
        zero_point = int(np.round(qmin - lo / scale))  # np.round: half to even
    else:
        scale = np.abs(w).max() / qmax or 1.0
        zero_point = 0
    q = np.clip(np.round(w / scale) + zero_point, qmin, qmax).astype(np.int64)
    return {"q": q, "scale": scale, "zero_point": zero_point, "w_hat": scale * (q - zero_point)}


def test_weight_quantization_matches_numpy(close):
    for case, inputs in frozen_inputs("weight_quantization", KINDS):
        params = {"bits": 8, "scheme": "affine", **case.params}
        ours = oracle_outputs("weight_quantization", inputs, case.params)
        theirs = _numpy_float64(inputs["w"], params["bits"], params["scheme"])
        np.testing.assert_array_equal(ours["q"], theirs["q"], err_msg=case.name)
        assert int(ours["zero_point"]) == theirs["zero_point"], case.name
        close(ours["scale"], theirs["scale"], rtol=1e-15, atol=0)
        close(ours["w_hat"], theirs["w_hat"], rtol=1e-15, atol=1e-15)


def test_generated_cases_keep_away_from_rounding_ties():
    """float32 arithmetic (relative error ~1e-7 on values up to 2^7) cannot flip a rounding
    of the generated cases: every w/s and q_min - lo/s stays 1e-3 away from a half-integer."""
    for case, inputs in frozen_inputs("weight_quantization", ("generated",)):
        params = {"bits": 8, "scheme": "affine", **case.params}
        w = inputs["w"]
        out = oracle_outputs("weight_quantization", inputs, case.params)
        ratios = [w.ravel() / out["scale"]]
        if params["scheme"] == "affine":
            qmin = -(2 ** (params["bits"] - 1))
            ratios.append(np.array([qmin - min(w.min(), 0.0) / out["scale"]]))
        r = np.concatenate(ratios)
        distance = np.abs(r - np.floor(r) - 0.5)
        assert distance.min() > 1e-3, (case.name, float(distance.min()))
