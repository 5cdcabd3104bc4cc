"""Checking case inputs against the signature's shapes.

A signature shape like ``"(..., m, k)"`` is a pattern: ``...`` stands for any leading
(batch) axes, a name binds an axis length that must agree across every input of the
case, an integer fixes it. A shape that is not such a pattern (free text like
``"same as x"``) documents without being checked.
"""

from __future__ import annotations

import re

PATTERN = re.compile(r"^\(\s*(.*?)\s*\)$")
TOKEN = re.compile(r"^(\.\.\.|[A-Za-z_][A-Za-z0-9_]*|\d+)$")


def parse(shape: str) -> list[str] | None:
    """The tokens of a shape pattern, or None if ``shape`` is not a pattern."""
    match = PATTERN.match(shape.strip())
    if not match:
        return None
    body = match.group(1)
    tokens = [t.strip() for t in body.split(",")] if body else []
    tokens = [t for t in tokens if t]  # "(n,)" is a one-axis pattern
    if not all(TOKEN.match(t) for t in tokens) or "..." in tokens[1:]:
        return None
    return tokens


def mismatches(shapes: dict[str, tuple[int, ...]], patterns: dict[str, str]) -> list[str]:
    """Why the given input shapes do not fit their patterns (empty if they fit)."""
    bound: dict[str, tuple[int, str]] = {}
    problems = []
    for name, shape in shapes.items():
        tokens = parse(patterns.get(name, ""))
        if tokens is None:
            continue
        problems.extend(_fit(name, shape, tokens, patterns[name], bound))
    return problems


def _fit(name: str, shape: tuple[int, ...], tokens: list[str], pattern: str,
         bound: dict[str, tuple[int, str]]) -> list[str]:
    batch = tokens[:1] == ["..."]
    axes = tokens[1:] if batch else tokens
    if len(shape) < len(axes) or (not batch and len(shape) != len(axes)):
        return [f"input {name!r} has shape {shape}, the signature says {pattern}"]
    problems = []
    for token, size in zip(axes, shape[len(shape) - len(axes):], strict=True):
        if token.isdigit():
            if int(token) != size:
                problems.append(f"input {name!r} has shape {shape}, the signature says "
                                f"{pattern} (axis {token} fixed)")
        elif token in bound and bound[token][0] != size:
            size0, owner = bound[token]
            problems.append(f"input {name!r} has shape {shape}, the signature says {pattern}"
                            f" with {token} = {size0} from input {owner!r}")
        else:
            bound.setdefault(token, (size, name))
    return problems
