"""The oracle of vector_space_axioms: both sides of each identity in exact arithmetic."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _sides(axiom: str, u: Any, v: Any, w: Any, c: Any, d: Any) -> tuple[Any, Any]:
    zero = u * 0
    table = {
        "add_commutative": lambda: (u + v, v + u),
        "add_associative": lambda: ((u + v) + w, u + (v + w)),
        "add_identity": lambda: (u + zero, u),
        "add_inverse": lambda: (u + (-u), zero),
        "scalar_distributes_over_vectors": lambda: (c * (u + v), c * u + c * v),
        "scalar_distributes_over_scalars": lambda: ((c + d) * u, c * u + d * u),
        "scalar_associative": lambda: ((c * d) * u, c * (d * u)),
        "scalar_identity": lambda: (1 * u, u),
    }
    if axiom not in table:
        msg = f"unknown axiom {axiom!r}"
        raise ValueError(msg)
    return table[axiom]()


@oracle("vector_space_axioms")
def vector_space_axioms(u: np.ndarray, v: np.ndarray, w: np.ndarray | None = None, *,
                        axiom: str = "scalar_distributes_over_vectors", c: float = 2.0,
                        d: float = 3.0) -> dict[str, np.ndarray]:
    if u.shape != v.shape or (w is not None and w.shape != u.shape):
        msg = "u, v and w must be vectors of one shape"
        raise ValueError(msg)
    u, v = mpa.asmp(u), mpa.asmp(v)
    w = u if w is None else mpa.asmp(w)
    lhs, rhs = _sides(axiom, u, v, w, mpa.mpf(c), mpa.mpf(d))
    return {"lhs": np.asarray(lhs, dtype=object), "rhs": np.asarray(rhs, dtype=object)}
