"""Beam search on any array namespace over a bigram table of next-token logits."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def beam_search(xp: Any, logits: Any, *, start: int = 0, steps: int = 4, beam_width: int = 2,
                length_penalty: float = 1.0, eos: int | None = None) -> tuple[Any, Any]:
    v = _check(logits, start, steps, beam_width, eos)
    shifted = logits - xp.max(logits, axis=1, keepdims=True)
    logp = shifted - xp.log(xp.sum(xp.exp(shifted), axis=1, keepdims=True))
    alive: list[tuple[list[int], Any]] = [([], xp.asarray(0.0, dtype=logits.dtype,
                                                          device=device(logits)))]
    done: list[tuple[list[int], Any]] = []
    for _ in range(steps):
        # every extension of every beam, flattened beam-major so ties keep that order
        rows = xp.stack([total + logp[tokens[-1] if tokens else start, :]
                         for tokens, total in alive])
        flat = xp.reshape(rows, (-1,))
        best = xp.argsort(-flat, stable=True)[:beam_width]
        kept = []
        for index in (int(i) for i in best):
            tokens = alive[index // v][0] + [index % v]
            kept.append((tokens, flat[index]))
        done += [c for c in kept if eos is not None and c[0][-1] == eos]
        alive = [c for c in kept if eos is None or c[0][-1] != eos]
        if not alive:
            break
    # the best length-normalised score; the first found wins a tie (finished ones first)
    scored = [(tokens, total / len(tokens) ** length_penalty) for tokens, total in done + alive]
    best_tokens, best_score = scored[0]
    for tokens, score in scored[1:]:
        if bool(score > best_score):
            best_tokens, best_score = tokens, score
    padded = best_tokens + [eos] * (steps - len(best_tokens))
    return xp.asarray(padded, dtype=xp.int64, device=device(logits)), best_score


def _check(logits: Any, start: int, steps: int, beam_width: int, eos: int | None) -> int:
    v = logits.shape[0] if logits.ndim == 2 else -1
    if v < 1 or logits.shape[1] != v:
        msg = f"logits must be a square (V, V) table of next-token logits, got {logits.shape}"
        raise ValueError(msg)
    if steps < 1 or beam_width < 1:
        msg = f"steps and beam_width must be at least 1, got {steps} and {beam_width}"
        raise ValueError(msg)
    if not 0 <= start < v or (eos is not None and not 0 <= eos < v):
        msg = f"start {start} and eos {eos} must be token ids in [0, {v})"
        raise ValueError(msg)
    return v
