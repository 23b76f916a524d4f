"""Graph ranking: PageRank as used by TextRank (Mihalcea & Tarau 2004).

Vectorised power iteration over a sparse matrix, stopping on an L1
tolerance rather than a fixed number of rounds; the result depends only on
the matrix, so ties are broken by the callers, by position.
"""

from __future__ import annotations

import numpy as np


def pagerank(
    weights,
    *,
    damping: float = 0.85,
    personalization: np.ndarray | None = None,
    tol: float = 1.0e-8,
    max_iter: int = 200,
) -> np.ndarray:
    """Scores of the nodes of a weighted graph (dense or scipy sparse, n x n).

    ``weights[i, j]`` is the weight of the edge i -> j. Dangling nodes
    (no out-edges) hand their score to the personalisation vector, as in
    networkx, so scores always sum to 1.
    """
    import scipy.sparse as sp

    matrix = sp.csr_matrix(weights, dtype=np.float64)
    n = matrix.shape[0]
    if n == 0:
        return np.zeros(0)
    if personalization is None:
        p = np.full(n, 1.0 / n)
    else:
        p = np.asarray(personalization, dtype=np.float64)
        total = p.sum()
        p = p / total if total > 0 else np.full(n, 1.0 / n)
    out_degree = np.asarray(matrix.sum(axis=1)).ravel()
    dangling = out_degree == 0
    inv = np.zeros(n)
    inv[~dangling] = 1.0 / out_degree[~dangling]
    # Transition matrix transposed: column-stochastic over out-edges.
    transition = (sp.diags(inv) @ matrix).T.tocsr()
    r = p.copy()
    for _ in range(max_iter):
        previous = r
        r = damping * (transition @ r + previous[dangling].sum() * p) + (1.0 - damping) * p
        if np.abs(r - previous).sum() < n * tol:
            break
    return r
