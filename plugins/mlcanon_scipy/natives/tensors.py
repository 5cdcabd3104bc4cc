"""SciPy native bindings: tensor operations (scipy.sparse)."""

from __future__ import annotations

import numpy as np
import scipy.linalg
import scipy.sparse

from mlcanon import KnownDeviation, native


@native("scipy.sparse.csr_array")
def csr_format(x: np.ndarray) -> dict[str, np.ndarray]:
    csr = scipy.sparse.csr_array(x)
    return {"data": csr.data, "indices": csr.indices, "indptr": csr.indptr}


@native("scipy.linalg.solve")
def basis_coordinates(v: np.ndarray, basis: np.ndarray) -> np.ndarray:
    return scipy.linalg.solve(basis, v)


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="csr_format", case="vector_input",
        reason="scipy.sparse.csr_array accepts a 1-D array (scipy 1.14+ has 1-D CSR arrays) "
               "instead of rejecting a non-matrix: [1, 0, 2] gives a (3,) CSR array",
        link="https://docs.scipy.org/doc/scipy/reference/generated/scipy.sparse.csr_array.html",
    ),
)
