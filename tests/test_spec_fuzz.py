"""Mutated copies of real spec files either load or raise SpecError: never another
exception, never a hang.

Each example takes a real spec.toml, deletes one key or replaces one value (at top level,
in the signature, in a case or in the benchmark section) with a value of another type,
writes it back with the small TOML writer below, and loads it beside the real sidecar.
"""

from __future__ import annotations

import copy
import json
import math
import shutil
import threading
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlcanon.spec import Concept, SpecError, load_concept

ROOT = Path(__file__).resolve().parents[1]
#: between them: book, edge, generated, grad, raises, stochastic and properties cases,
#: several outputs, a canonicalizer and benchmark sections.
CONCEPTS = ("activations/softmax", "activations/gelu", "layers/dropout", "linalg/svd")
DOCUMENTS = {name: tomllib.loads((ROOT / "reference" / name / "spec.toml").read_text())
             for name in CONCEPTS}
#: a load that takes longer than this is a hang (a real spec loads in milliseconds).
HANG_SECONDS = 10.0


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = []
    for char in text:
        if char in '"\\':
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def toml_value(value: Any) -> str:
    """``value`` as inline TOML (tables inline, so one writer serves every depth)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_string(k)} = {toml_value(v)}"
                               for k, v in value.items()) + "}"
    msg = f"no TOML for {type(value).__name__}"
    raise TypeError(msg)


def toml_document(document: dict[str, Any]) -> str:
    return "".join(f"{toml_string(k)} = {toml_value(v)}\n" for k, v in document.items())


def paths(value: Any, prefix: tuple = (), depth: int = 5) -> list[tuple]:
    """Every key or index under ``value``, down to ``depth`` levels."""
    if depth == 0:
        return []
    items = value.items() if isinstance(value, dict) else \
        enumerate(value) if isinstance(value, list) else ()
    found = []
    for key, child in items:
        found.append((*prefix, key))
        found.extend(paths(child, (*prefix, key), depth - 1))
    return found


def region(path: tuple) -> str:
    """Where a path lies: the top level, the signature, a case or the benchmark."""
    first = path[0]
    if first in ("signature", "cases", "benchmark", "tolerance"):
        return first
    return "top"


SCALARS = (st.text(max_size=8) | st.integers(-(2**63), 2**63 - 1) | st.floats()
           | st.booleans())
KEYS = st.text(alphabet="abcdefxyz_", min_size=1, max_size=6)
OTHER_VALUES = (SCALARS | st.lists(SCALARS, max_size=3)
                | st.dictionaries(KEYS, SCALARS, max_size=3))


def kind_of(value: Any) -> type:
    return type(value)


@st.composite
def mutated_specs(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A concept and its spec with one key deleted or one value of another type."""
    name = draw(st.sampled_from(CONCEPTS))
    document = copy.deepcopy(DOCUMENTS[name])
    candidates = paths(document)
    where = draw(st.sampled_from(sorted({region(p) for p in candidates})))
    path = draw(st.sampled_from([p for p in candidates if region(p) == where]))
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    current = parent[path[-1]]
    if isinstance(parent, dict) and draw(st.booleans()):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(OTHER_VALUES.filter(
            lambda v: kind_of(v) is not kind_of(current)))
    return name, document


def load_within(path: Path, seconds: float) -> Concept | SpecError:
    """``load_concept(path)``, its SpecError, or a failure if it takes over ``seconds``;
    any other exception propagates. A daemon thread: a hang fails the test instead of
    hanging the suite."""
    outcome: dict[str, Any] = {}

    def load() -> None:
        try:
            outcome["value"] = load_concept(path)
        except SpecError as exc:
            outcome["value"] = exc
        except BaseException as exc:  # handed to the test thread to fail there
            outcome["error"] = exc

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"load_concept hung on {path.read_text()[:2000]}"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> Path:
    """A reference folder with each concept's folder (its sidecar included)."""
    root = tmp_path_factory.mktemp("fuzz")
    for name in CONCEPTS:
        shutil.copytree(ROOT / "reference" / name, root / name)
    shutil.copytree(ROOT / "reference" / "_catalog", root / "_catalog")
    return root


@pytest.mark.parametrize("name", CONCEPTS)
def test_the_writer_round_trips_real_specs(copies, name):
    """Unmutated, a rewritten spec loads as the original does: the fuzz test's inputs
    differ from real specs only by their mutation."""
    path = copies / name / "spec.toml"
    path.write_text(toml_document(DOCUMENTS[name]), encoding="utf-8")
    assert tomllib.loads(path.read_text(encoding="utf-8")) == DOCUMENTS[name]
    rewritten = load_within(path, HANG_SECONDS)
    assert isinstance(rewritten, Concept), str(rewritten)
    original = load_concept(ROOT / "reference" / name / "spec.toml")
    assert rewritten.cases == original.cases


@settings(max_examples=150, derandomize=True, deadline=None, database=None)
@given(mutated_specs())
def test_a_mutated_spec_loads_or_raises_spec_error(copies, mutation):
    name, document = mutation
    path = copies / name / "spec.toml"
    path.write_text(toml_document(document), encoding="utf-8")
    outcome = load_within(path, HANG_SECONDS)
    assert isinstance(outcome, Concept | SpecError)
    if isinstance(outcome, SpecError):
        assert outcome.problems, "a SpecError names at least one problem"
        assert all(p.path == str(path) and p.message for p in outcome.problems)
        # one line each, even where a mutated value holds a newline (messages quote reprs)
        assert all("\n" not in str(p) for p in outcome.problems), json.dumps(
            [str(p) for p in outcome.problems])
