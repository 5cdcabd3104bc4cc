"""Both sides of a vector space axiom, computed with xp's elementwise + and scalar *."""

from __future__ import annotations

from typing import Any

AXIOMS = ("add_commutative", "add_associative", "add_identity", "add_inverse",
          "scalar_distributes_over_vectors", "scalar_distributes_over_scalars",
          "scalar_associative", "scalar_identity")


def vector_space_axioms(xp: Any, u: Any, v: Any, w: Any = None, *,
                        axiom: str = "scalar_distributes_over_vectors", c: float = 2.0,
                        d: float = 3.0) -> dict[str, Any]:
    if axiom not in AXIOMS:
        msg = f"axiom must be one of {AXIOMS}, got {axiom!r}"
        raise ValueError(msg)
    if u.shape != v.shape or (w is not None and w.shape != u.shape):
        msg = f"u, v and w must be vectors of one shape, got {u.shape}, {v.shape}"
        raise ValueError(msg)
    w = u if w is None else w
    zero = xp.zeros_like(u)
    sides = {
        "add_commutative": lambda: (u + v, v + u),
        "add_associative": lambda: ((u + v) + w, u + (v + w)),
        "add_identity": lambda: (u + zero, u),
        "add_inverse": lambda: (u + (-u), zero),
        "scalar_distributes_over_vectors": lambda: (c * (u + v), c * u + c * v),
        "scalar_distributes_over_scalars": lambda: ((c + d) * u, c * u + d * u),
        "scalar_associative": lambda: ((c * d) * u, c * (d * u)),
        "scalar_identity": lambda: (1 * u, u),
    }
    lhs, rhs = sides[axiom]()
    return {"lhs": lhs, "rhs": rhs}
