"""The linalg oracles agree with SciPy's LAPACK-based routines and Python's math.

Decompositions are compared after flipping SciPy's signs to agree with the oracle, with
the same canonicalizers the harness uses; singular values and eigenvalues directly.
"""

from __future__ import annotations

import math

import numpy as np
import scipy.linalg

from mlcanon.canonical import canonicalize
from tests.oracles.conftest import frozen_inputs, oracle_outputs

KINDS = ("generated", "grad", "book", "edge")


def _matrices(a: np.ndarray) -> list[np.ndarray]:
    return [a[index] for index in np.ndindex(a.shape[:-2])]


def _stack(parts: list[np.ndarray], batch: tuple[int, ...]) -> np.ndarray:
    return np.stack(parts).reshape(batch + parts[0].shape)


def test_vector_norm_matches_scipy_and_math(close):
    for case, inputs in frozen_inputs("vector_norm", KINDS):
        params = {"ord": 2, "axis": None, "keepdims": False, **case.params}
        ours = oracle_outputs("vector_norm", inputs, case.params)["y"]
        x = inputs["x"]
        if params["axis"] is None:
            x, params["axis"] = x.reshape(-1), 0
        with np.errstate(over="ignore"):
            theirs = scipy.linalg.norm(x, ord=params["ord"], axis=params["axis"],
                                       keepdims=params["keepdims"])
        if np.all(np.isfinite(theirs)):
            close(ours, theirs)
        if params["ord"] == 2:  # math.hypot is overflow- and underflow-safe
            rows = np.moveaxis(x, params["axis"], -1).reshape(-1, x.shape[params["axis"]])
            close(np.reshape(ours, -1), [math.hypot(*row) for row in rows])


def test_vector_norm_overflow_cases_are_finite():
    for case, inputs in frozen_inputs("vector_norm", ("edge",)):
        ours = oracle_outputs("vector_norm", inputs, case.params)["y"]
        assert np.all(np.isfinite(ours)), case.name


def test_svd_matches_scipy(close):
    for case, inputs in frozen_inputs("svd", KINDS):
        full = case.params.get("full_matrices", False)
        ours = oracle_outputs("svd", inputs, case.params)
        a = inputs["a"]
        scale = np.max(np.abs(ours["S"]))
        close(ours["S"], _stack([scipy.linalg.svdvals(m) for m in _matrices(a)],
                                 a.shape[:-2]), atol=1e-14 * scale)
        if np.min(ours["S"]) < 1e-8 * scale:
            continue  # rank-deficient: the null vectors are compared through S only
        parts = [scipy.linalg.svd(m, full_matrices=full) for m in _matrices(a)]
        theirs = {name: _stack([p[i] for p in parts], a.shape[:-2])
                  for i, name in enumerate(("U", "S", "Vh"))}
        theirs = canonicalize("svd", theirs, ours)
        for name in ("U", "Vh"):
            close(ours[name], theirs[name], rtol=1e-10, atol=1e-12)


def test_symmetric_eigendecomposition_matches_scipy(close):
    for case, inputs in frozen_inputs("symmetric_eigendecomposition", KINDS):
        ours = oracle_outputs("symmetric_eigendecomposition", inputs, case.params)
        a = inputs["a"]
        parts = [scipy.linalg.eigh((m + m.T) / 2) for m in _matrices(a)]
        theirs = {"eigenvalues": _stack([p[0] for p in parts], a.shape[:-2]),
                  "eigenvectors": _stack([p[1] for p in parts], a.shape[:-2])}
        scale = np.max(np.abs(ours["eigenvalues"]))
        close(ours["eigenvalues"], theirs["eigenvalues"], atol=1e-14 * scale)
        if np.min(np.diff(ours["eigenvalues"], axis=-1)) < 1e-8 * scale:
            continue  # a repeated eigenvalue: its eigenvectors are not unique
        theirs = canonicalize("eigh", theirs, ours)
        close(ours["eigenvectors"], theirs["eigenvectors"], rtol=1e-10, atol=1e-12)


def test_qr_decomposition_matches_scipy(close):
    for case, inputs in frozen_inputs("qr_decomposition", KINDS):
        mode = case.params.get("mode", "reduced")
        ours = oracle_outputs("qr_decomposition", inputs, case.params)
        a = inputs["a"]
        parts = [scipy.linalg.qr(m, mode="economic" if mode == "reduced" else "full")
                 for m in _matrices(a)]
        theirs = {"Q": _stack([p[0] for p in parts], a.shape[:-2]),
                  "R": _stack([p[1] for p in parts], a.shape[:-2])}
        theirs = canonicalize("qr", theirs, ours)
        close(ours["Q"], theirs["Q"], rtol=1e-10, atol=1e-12)
        close(ours["R"], theirs["R"], rtol=1e-10, atol=1e-12 * np.max(np.abs(ours["R"])))
        assert np.all(np.diagonal(ours["R"], axis1=-2, axis2=-1) > 0), case.name
