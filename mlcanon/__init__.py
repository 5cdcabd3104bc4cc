"""mlcanon: the executable canon of machine-learning concepts.

Importing this package never imports torch or jax: a backend imports its framework only
when it is used (see ``tests/test_imports.py``).
"""

from mlcanon.xp import turn_on_scipy_dispatch

turn_on_scipy_dispatch()  # before any import of SciPy: portable code relies on it

from mlcanon.backend import Backend, DefaultProbe, KnownDeviation, native  # noqa: E402
from mlcanon.hookspec import hookimpl  # noqa: E402

__version__ = "0.1.0"
__all__ = ["Backend", "DefaultProbe", "KnownDeviation", "__version__", "hookimpl", "native"]
