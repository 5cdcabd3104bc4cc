"""Sampling and decoding in PyTorch."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def top_p_filter(logits: torch.Tensor, *, p: float = 0.9,
                 keep_crossing_token: bool = True) -> tuple[torch.Tensor, torch.Tensor]:
    if not 0.0 <= p <= 1.0:
        msg = f"p must lie in [0, 1], got {p!r}"
        raise ValueError(msg)
    ranked_logits, order = torch.sort(logits, dim=-1, descending=True, stable=True)
    ranked = F.softmax(ranked_logits, dim=-1)
    through = ranked.cumsum(dim=-1)
    if keep_crossing_token:
        keep_ranked = (through - ranked) < p
        keep_ranked[..., 0] = True
    else:
        keep_ranked = through <= p
    keep = keep_ranked.scatter(-1, order, keep_ranked)
    filtered = logits.masked_fill(~keep, float("-inf"))
    return filtered, F.softmax(filtered, dim=-1)


def temperature_sampling(logits: torch.Tensor, *, temperature: float = 1.0,
                         num_samples: int = 1, seed: int = 0) -> torch.Tensor:
    if not temperature > 0:
        msg = f"temperature must be > 0, got {temperature!r}"
        raise ValueError(msg)
    generator = torch.Generator(device=logits.device).manual_seed(seed)
    probs = F.softmax(logits / temperature, dim=-1)
    flat = probs.reshape(-1, probs.shape[-1])
    samples = torch.multinomial(flat, num_samples, replacement=True, generator=generator)
    return samples.reshape(*probs.shape[:-1], num_samples).to(torch.int64)
