"""Planted bug: learned position ids counted from 1 instead of 0.

fairseq-style embeddings reserve row 0 (padding) and start positions at padding_idx + 1;
copying that offset into a table without the reserved row shifts every token by one
position and runs off the end of the table at the full context length.
"""

import numpy as np


def learned_positional_embedding(tok, pos, ids, *, max_len=None):
    if max_len is not None:
        ids = ids[..., -max_len:]
    positions = np.arange(1, ids.shape[-1] + 1)  # the bug: the first token gets pos[1]
    return tok[ids] + pos[positions]
