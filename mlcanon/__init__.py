"""mlcanon: the executable canon of machine-learning concepts.

Importing this package never imports torch or jax: a backend imports its framework only
when it is used (see ``tests/test_imports.py``).
"""

from mlcanon.backend import Backend, DefaultProbe, KnownDeviation
from mlcanon.hookspec import hookimpl

__version__ = "0.1.0"
__all__ = ["Backend", "DefaultProbe", "KnownDeviation", "__version__", "hookimpl"]
