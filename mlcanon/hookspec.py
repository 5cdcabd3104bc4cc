"""The mlcanon plugin contract: every hook a plugin may implement.

A plugin is a module (or object) registered under the entry-point group ``mlcanon``::

    [project.entry-points.mlcanon]
    mybackend = "mlcanon_mybackend"

The built-in NumPy, PyTorch and JAX plugins load through that group exactly like a
third-party one. Hook implementations are marked with ``mlcanon.hookimpl``.

Environment variables read while loading plugins (``mlcanon.plugins``):

``MLCANON_PLUGINS``
    comma-separated entry-point names; only these plugins are loaded.
``MLCANON_TRACE_PLUGINS``
    when set, every hook call is traced to stderr.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from mlcanon.backend import Backend

PROJECT = "mlcanon"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def mlcanon_backends() -> list[Backend]:
    """Return the backends this plugin provides.

    Called once per process, when the registry is first built. Every plugin's list is
    concatenated; the order is pluggy's (last registered first).

    The hook must be cheap and must not import the framework: a backend imports it in
    :meth:`Backend.available` or when a concept is first looked up, so that listing
    backends on a machine without the framework works and reports the reason.

    :return: one :class:`mlcanon.Backend` per (framework, device) pair the plugin offers,
        including devices that are unavailable on this machine (their
        :meth:`~mlcanon.Backend.available` gives the reason). ``Backend.name`` plus
        ``Backend.device`` must be unique across all plugins.
    """
    raise NotImplementedError
