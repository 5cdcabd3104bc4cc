"""Named checks for stochastic and properties cases, and the statistics they use.

A spec case names its check (``check = "dropout_mask"``); the check itself lives in
the concept's ``checks.py``, registered with :func:`stochastic_check` or
:func:`property_check`. A check receives ``run``, which calls the backend on NumPy
inputs and returns its outputs as NumPy arrays by output name, and raises
:class:`CheckFailed` with a readable message when the backend breaks the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from mlcanon.spec import Concept, modules

#: the false-alarm rate of every statistical decision: a correct backend fails a
#: stochastic case with probability at most this.
FALSE_ALARM_RATE = 1e-6

Check = Callable[..., None]
STOCHASTIC: dict[str, Check] = {}
PROPERTIES: dict[str, Check] = {}


class CheckFailed(AssertionError):
    """A backend broke the rule a check states."""


def _register(table: dict[str, Check], name: str) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        # names are global (a case names its check, wherever it is defined); the same
        # function imported again is fine, a second definition under the name is not
        if name in table and _origin(table[name]) != _origin(fn):
            msg = (f"two checks named {name!r}: {_origin(table[name])} and {_origin(fn)}; "
                   f"rename one")
            raise ValueError(msg)
        table[name] = fn
        return fn

    return register


def _origin(fn: Check) -> str:
    code = getattr(fn, "__code__", None)
    where = code.co_filename if code is not None else fn.__module__
    return f"{fn.__qualname__} in {where}"


def stochastic_check(name: str) -> Callable[[Check], Check]:
    """Register a statistical check: ``fn(run, inputs, params, dtype, **check_params)``."""
    return _register(STOCHASTIC, name)


def property_check(name: str) -> Callable[[Check], Check]:
    """Register an invariant: ``fn(run, inputs, params, dtype, bound, **check_params)``."""
    return _register(PROPERTIES, name)


def get_check(kind: str, name: str, concept: Concept | None = None) -> Check:
    """The check ``name``: from ``concept``'s ``checks.py``, else the shared
    ``reference/_shared/checks.py`` (checks that several concepts name), else another
    concept's of the same family, else any concept's.

    Nearest first, because importing every concept's checks costs seconds (some import
    SciPy) and a run of a few concepts needs only theirs.
    """
    table = STOCHASTIC if kind == "stochastic" else PROPERTIES
    if name not in table and concept is not None:
        modules.concept_module(concept.family, concept.id, "checks")
    if name not in table:
        modules.import_shared("checks")
    if name not in table and concept is not None:
        modules.import_all("checks", concept.family)
    if name not in table:
        modules.import_all("checks")
    if name not in table:
        msg = f"no {kind} check named {name!r}; known: {sorted(table)}" + modules.errors_text()
        raise KeyError(msg)
    return table[name]


# -- statistics ------------------------------------------------------------------------


def require_p(pvalue: float, what: str, tests: int = 1) -> None:
    """Fail when a p-value falls under the false-alarm rate.

    A check that makes ``tests`` statistical decisions passes that count, so each is
    taken at ``FALSE_ALARM_RATE / tests`` (Bonferroni) and the case as a whole keeps a
    false-alarm rate of at most ``FALSE_ALARM_RATE``.
    """
    alpha = FALSE_ALARM_RATE / tests
    if not pvalue >= alpha:
        msg = f"{what} (p = {pvalue:.3g} < {alpha:g})"
        raise CheckFailed(msg)


def binomial_pvalue(successes: int, trials: int, p: float) -> float:
    """Two-sided exact binomial test of ``successes`` in ``trials`` at rate ``p``."""
    from scipy import stats  # here, not at the top: importing it costs seconds per process

    return float(stats.binomtest(int(successes), int(trials), float(p)).pvalue)


def chi_square_pvalue(counts: np.ndarray, probabilities: np.ndarray) -> float:
    """Goodness of fit of ``counts`` to ``probabilities`` (categories with p > 0).

    Categories with probability 0 must have no count at all; that is checked exactly,
    not statistically, by :func:`require_support`.
    """
    counts = np.asarray(counts, dtype=np.float64)
    probabilities = np.asarray(probabilities, dtype=np.float64)
    keep = probabilities > 0
    expected = probabilities[keep] / probabilities[keep].sum() * counts[keep].sum()
    from scipy import stats

    return float(stats.chisquare(counts[keep], expected).pvalue)


def require_support(counts: np.ndarray, probabilities: np.ndarray, what: str) -> None:
    outside = (np.asarray(probabilities) <= 0) & (np.asarray(counts) > 0)
    if outside.any():
        msg = f"{what}: drew categories {np.flatnonzero(outside).tolist()} of probability 0"
        raise CheckFailed(msg)


def assert_close(actual: Any, expected: Any, bound: Any, what: str) -> None:
    """Property helper: compare under the case's tolerance bound."""
    from mlcanon.compare import compare

    result = compare(np.asarray(actual), np.asarray(expected, dtype=np.float64), bound)
    if not result.ok:
        msg = f"{what}: {result.message}"
        raise CheckFailed(msg)


def require_orthonormal(q: Any, bound: Any, what: str) -> None:
    """Property helper: the columns of q are orthonormal, q^T q = I under the bound."""
    q = np.asarray(q, dtype=np.float64)
    gram = np.swapaxes(q, -1, -2) @ q
    assert_close(gram, np.broadcast_to(np.eye(gram.shape[-1]), gram.shape), bound, what)


