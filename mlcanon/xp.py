"""What portable implementations may use beyond the array API standard.

A portable implementation (``reference/<family>/<id>/portable.py``) computes with the
namespace ``xp`` it is given and nothing else, except what this module offers: special
functions the standard lacks (``erf``, ...), taken from ``scipy.special``, which
dispatches them to the array's own library (``torch.special.erf`` for a tensor,
``jax.scipy.special.erf`` for a JAX array) when SciPy's array API support is on.
:mod:`mlcanon` turns it on (``SCIPY_ARRAY_API=1``) before SciPy is first imported.
"""

from __future__ import annotations

import os
from typing import Any

SCIPY_SWITCH = "SCIPY_ARRAY_API"


def special() -> Any:
    """``scipy.special``, after checking that it dispatches on the array's namespace."""
    import scipy.special
    from scipy._lib import _array_api

    if not getattr(_array_api, "SCIPY_ARRAY_API", False):
        msg = (f"scipy was imported before mlcanon turned on {SCIPY_SWITCH}=1; portable "
               f"implementations need it: set {SCIPY_SWITCH}=1 in the environment")
        raise RuntimeError(msg)
    return scipy.special


def erf(x: Any) -> Any:
    """The error function, elementwise, on any array namespace SciPy supports."""
    return special().erf(x)


def turn_on_scipy_dispatch() -> None:
    """Called by :mod:`mlcanon` at import, before anything imports SciPy."""
    os.environ.setdefault(SCIPY_SWITCH, "1")
