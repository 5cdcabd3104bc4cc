"""array-api-strict has no framework defaults to probe: every concept is portable."""

from __future__ import annotations

from mlcanon import Backend, DefaultProbe


def probes(backend: Backend) -> list[DefaultProbe]:
    return []
