"""Graph ranking: PageRank as used by TextRank (Mihalcea & Tarau 2004).

Vectorised power iteration, stopping on an L1 tolerance rather than a fixed
number of rounds (Page et al. 1999; networkx's formulation: dangling nodes
hand their score to the personalisation vector, so scores always sum to 1).
The result depends only on the weights, so ties are broken by the callers,
by position.

The weights can be a dense array, a scipy sparse matrix or any linear
operator with ``@`` and ``.T`` (``scipy.sparse.linalg.LinearOperator``): the
iteration only needs products with the transposed weights. A sentence graph
whose weights are the inner products of sentence vectors, W = V·Vᵀ, is then
ranked without ever building the n x n matrix (see ``summary``), which keeps a
whole annual report of several thousand sentences linear in its length.
"""

from __future__ import annotations

import numpy as np


def pagerank(
    weights,
    *,
    damping: float = 0.85,
    personalization: np.ndarray | None = None,
    tol: float = 1.0e-10,
    max_iter: int = 500,
) -> np.ndarray:
    """Scores of the nodes of a weighted graph (n x n), summing to 1.

    ``weights[i, j] >= 0`` is the weight of the edge i -> j. ``personalization``
    (non-negative, any scale) is where the random surfer teleports to; uniform
    when omitted or all zero.
    """
    import scipy.sparse as sp

    if not (sp.issparse(weights) or hasattr(weights, "matvec")):
        weights = np.asarray(weights, dtype=np.float64)
    n = weights.shape[0]
    if weights.shape != (n, n):
        raise ValueError(f"weights must be square, not {weights.shape}")
    if n == 0:
        return np.zeros(0)
    if personalization is None:
        p = np.full(n, 1.0 / n)
    else:
        p = np.asarray(personalization, dtype=np.float64).ravel()
        if p.shape != (n,) or np.any(p < 0):
            raise ValueError("personalization must be n non-negative numbers")
        total = p.sum()
        p = p / total if total > 0 else np.full(n, 1.0 / n)
    out_degree = np.asarray(weights @ np.ones(n), dtype=np.float64).ravel()
    dangling = out_degree <= 0
    inv = np.zeros(n)
    inv[~dangling] = 1.0 / out_degree[~dangling]
    transposed = weights.T
    r = p.copy()
    for _ in range(max_iter):
        previous = r
        spread = np.asarray(transposed @ (inv * previous), dtype=np.float64).ravel()
        r = damping * (spread + previous[dangling].sum() * p) + (1.0 - damping) * p
        if np.abs(r - previous).sum() < n * tol:
            break
    return r / r.sum()
