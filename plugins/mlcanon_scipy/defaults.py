"""What SciPy and scikit-learn do by default where the canon pins a choice (measured, not
typed in)."""

from __future__ import annotations

from mlcanon import Backend, DefaultProbe


def probes(backend: Backend) -> list[DefaultProbe]:
    return []
