"""Graph ranking: PageRank as used by TextRank (Mihalcea & Tarau 2004).

Vectorised power iteration, stopping on an L1 tolerance rather than a fixed
number of rounds (Page et al. 1999; networkx's formulation: dangling nodes
hand their score to the personalisation vector, so scores always sum to 1).
The result depends only on the weights, so ties are broken by the callers,
by position.

The weights can be a dense array, a ``Sparse`` matrix (below) or any linear
operator with ``matvec`` and ``rmatvec``: the iteration only needs products
with the weights and their transpose. A sentence graph whose weights are the
inner products of sentence vectors, W = V·Vᵀ, is then ranked without ever
building the n x n matrix (see ``summary``), which keeps a whole annual report
of several thousand sentences linear in its length.

``Sparse`` is a coordinate-list matrix on numpy alone. scipy.sparse would do
the same job, but importing it costs about 0.2 s, a quarter of a brief's cold
start, for the three products ranking needs. Entries are kept in row-major
order and summed in that order, as scipy's CSR routines sum them, so the scores
are the same to the last bit.
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
    if not hasattr(weights, "matvec"):
        weights = Dense(np.asarray(weights, dtype=np.float64))
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
    out_degree = np.asarray(weights.matvec(np.ones(n)), dtype=np.float64).ravel()
    dangling = out_degree <= 0
    inv = np.zeros(n)
    inv[~dangling] = 1.0 / out_degree[~dangling]
    r = p.copy()
    for _ in range(max_iter):
        previous = r
        spread = np.asarray(weights.rmatvec(inv * previous), dtype=np.float64).ravel()
        r = damping * (spread + previous[dangling].sum() * p) + (1.0 - damping) * p
        if np.abs(r - previous).sum() < n * tol:
            break
    return r / r.sum()


class Dense:
    """A dense array seen as an operator."""

    def __init__(self, array: np.ndarray):
        self.array = array
        self.shape = array.shape

    def matvec(self, x: np.ndarray) -> np.ndarray:
        return self.array @ x

    def rmatvec(self, x: np.ndarray) -> np.ndarray:
        return self.array.T @ x


class Sparse:
    """An m x n matrix of (row, column, value) entries, duplicates summed."""

    def __init__(self, rows, cols, values, shape: tuple[int, int]):
        m, n = shape
        rows = np.asarray(rows, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        values = np.asarray(values, dtype=np.float64)
        if rows.shape != cols.shape or rows.shape != values.shape or rows.ndim != 1:
            raise ValueError("rows, cols and values must be equally long")
        if len(rows) and (rows.min() < 0 or rows.max() >= m or cols.min() < 0 or cols.max() >= n):
            raise ValueError(f"an entry lies outside a {m} x {n} matrix")
        key = rows * n + cols
        order = np.argsort(key, kind="stable")
        key, values = key[order], values[order]
        unique, start = np.unique(key, return_index=True)
        if len(unique) < len(key):
            values = np.add.reduceat(values, start)
        self.rows, self.cols = np.divmod(unique, max(n, 1))
        self.values = values
        self.shape = (m, n)

    def matvec(self, x: np.ndarray) -> np.ndarray:
        """A x, for a vector x of length n."""
        return np.bincount(self.rows, weights=self.values * x[self.cols], minlength=self.shape[0])

    def rmatvec(self, x: np.ndarray) -> np.ndarray:
        """Aᵀ x, for a vector x of length m."""
        return np.bincount(self.cols, weights=self.values * x[self.rows], minlength=self.shape[1])

    def row(self, i: int) -> np.ndarray:
        """Row i as a dense vector."""
        lo, hi = np.searchsorted(self.rows, [i, i + 1])
        out = np.zeros(self.shape[1])
        out[self.cols[lo:hi]] = self.values[lo:hi]
        return out

    def row_squares(self) -> np.ndarray:
        """The sum of the squares of every row."""
        return np.bincount(self.rows, weights=self.values * self.values, minlength=self.shape[0])

    def scale_rows(self, factors: np.ndarray) -> Sparse:
        """The matrix with row i multiplied by ``factors[i]``."""
        out = object.__new__(Sparse)
        out.rows, out.cols, out.shape = self.rows, self.cols, self.shape
        out.values = self.values * factors[self.rows]
        return out

    def toarray(self) -> np.ndarray:
        out = np.zeros(self.shape)
        out[self.rows, self.cols] = self.values
        return out
