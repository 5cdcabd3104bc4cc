"""The tensors oracles agree with NumPy's float64 matmul on every case's inputs."""

from __future__ import annotations

import numpy as np

from tests.oracles.conftest import frozen_inputs, oracle_outputs


def test_matmul_matches_numpy(close):
    for _case, inputs in frozen_inputs("matmul", ("generated", "grad", "book", "edge")):
        ours = oracle_outputs("matmul", inputs, {})["y"]
        close(ours, np.matmul(inputs["a"], inputs["b"]))
