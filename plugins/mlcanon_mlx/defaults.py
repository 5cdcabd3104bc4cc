"""MLX's defaults are probed beside the bindings: ``default_probes`` in each natives module."""

from __future__ import annotations

from mlcanon import Backend, DefaultProbe


def probes(backend: Backend) -> list[DefaultProbe]:
    return []
