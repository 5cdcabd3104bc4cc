"""Which code runs for a concept on a backend: its native binding, or the portable one.

The order is the one SciPy's alternative backends follow: the framework's own op when
the backend binds one (and the op can express the case's parameters), else the concept's
portable implementation (``reference/<family>/<id>/portable.py``, written once against
the Python array API standard) run with the backend's array namespace, unless the
backend opted out of it. Every result records the origin, so a reader knows whether a
green cell tested the framework's op or the portable composition.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from mlcanon.backend import Backend, native_op
from mlcanon.spec import Concept, modules

PORTABLE = "portable"
NATIVE_PREFIX = "native: "


@dataclass(frozen=True)
class Implementation:
    """A callable taking the spec's inputs and params, and where it comes from."""

    fn: Callable[..., Any]
    #: ``"native: torch.nn.functional.gelu"`` or ``"portable"``.
    origin: str

    @property
    def is_native(self) -> bool:
        return self.origin.startswith(NATIVE_PREFIX)


def resolve(backend: Backend, concept: Concept,
            params: Mapping[str, Any] | None = None) -> Implementation | None:
    """The implementation a case with ``params`` runs; ``None`` when the concept is
    missing on ``backend`` (no native binding that covers the case, no portable
    fallback)."""
    binding = backend.native(concept.id)
    if binding is not None and covers(binding, concept, params or {}):
        return Implementation(binding, NATIVE_PREFIX + native_op(binding).op)
    if not backend.portable:
        return None
    function = portable_function(concept)
    if function is None:
        return None
    return Implementation(partial(function, backend.namespace()), PORTABLE)


def covers(binding: Callable[..., Any], concept: Concept, params: Mapping[str, Any]) -> bool:
    """Whether the op can compute this case: every parameter it takes only some values
    of has one of them (the spec's default where the case does not set it)."""
    return native_op(binding).covers({**concept.signature.params, **params})


def portable_function(concept: Concept) -> Callable[..., Any] | None:
    """The function named by the concept id in its folder's ``portable.py``, if any.

    It takes the array namespace first, then the spec's inputs and keyword-only params.
    """
    module = modules.concept_module(concept.family, concept.id, "portable")
    return getattr(module, concept.id, None) if module is not None else None


def portable_error(concept: Concept) -> str:
    """Why the portable implementation could not be imported, or ``""``."""
    name = modules.module_name(concept.family, concept.id, "portable")
    return modules.IMPORT_ERRORS.get(name, "")


def origins(backend: Backend, concepts: Mapping[str, Concept]) -> dict[str, str]:
    """Concept id -> the origin its cases run with their default params (``""``: missing)."""
    found = {}
    for concept_id, concept in concepts.items():
        implementation = resolve(backend, concept)
        found[concept_id] = implementation.origin if implementation else ""
    return found
