"""Graph ranking: PageRank converges, sums to one, agrees with networkx on
random graphs (weighted, directed, with dangling nodes and a personalisation
vector), and gives the same scores for a dense array, a sparse matrix and a
matrix-free operator. The numpy-only sparse matrix agrees with scipy's."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse.linalg import LinearOperator

from medsum.rank import Sparse, pagerank


def random_graph(seed: int, n: int, density: float, *, symmetric: bool = False) -> np.ndarray:
    rng = np.random.default_rng(seed)
    weights = rng.random((n, n)) * (rng.random((n, n)) < density)
    np.fill_diagonal(weights, 0.0)
    return weights + weights.T if symmetric else weights


def networkx_scores(weights: np.ndarray, personalization: np.ndarray | None = None) -> np.ndarray:
    graph = nx.from_numpy_array(weights, create_using=nx.DiGraph)
    p = None if personalization is None else dict(enumerate(personalization))
    scores = nx.pagerank(graph, alpha=0.85, personalization=p, tol=1e-12, max_iter=10_000, weight="weight")
    return np.array([scores[i] for i in range(len(weights))])


@given(st.integers(0, 10_000), st.integers(1, 25), st.floats(0.0, 1.0))
@settings(max_examples=60)
def test_matches_networkx_on_random_graphs(seed, n, density):
    weights = random_graph(seed, n, density)
    np.testing.assert_allclose(pagerank(weights, tol=1e-13), networkx_scores(weights), atol=1e-7)


@given(st.integers(0, 10_000), st.integers(2, 20))
@settings(max_examples=40)
def test_matches_networkx_with_personalisation(seed, n):
    weights = random_graph(seed, n, 0.3)
    prior = np.random.default_rng(seed + 1).random(n) + 0.01
    np.testing.assert_allclose(
        pagerank(weights, personalization=prior, tol=1e-13),
        networkx_scores(weights, prior / prior.sum()),
        atol=1e-7,
    )


@given(st.integers(0, 10_000), st.integers(1, 30), st.floats(0.0, 1.0))
@settings(max_examples=60)
def test_scores_are_a_distribution(seed, n, density):
    scores = pagerank(random_graph(seed, n, density))
    assert scores.shape == (n,)
    assert np.all(scores > 0)
    assert scores.sum() == pytest.approx(1.0, abs=1e-12)


def test_converges_rather_than_stopping_after_a_fixed_count():
    weights = random_graph(7, 40, 0.2)
    loose = pagerank(weights, tol=1e-6)
    tight = pagerank(weights, tol=1e-14, max_iter=100_000)
    # One more step from the converged vector changes nothing.
    out = weights.sum(axis=1)
    step = 0.85 * (weights / np.where(out > 0, out, 1)[:, None]).T @ tight
    step += 0.85 * tight[out == 0].sum() / 40 + 0.15 / 40
    np.testing.assert_allclose(step, tight, atol=1e-12)
    np.testing.assert_allclose(loose, tight, atol=1e-5)


def sparse_of(weights: np.ndarray) -> Sparse:
    rows, cols = np.nonzero(weights)
    return Sparse(rows, cols, weights[rows, cols], weights.shape)


def test_dense_sparse_and_operator_agree():
    weights = random_graph(3, 30, 0.25, symmetric=True)
    dense = pagerank(weights)
    sparse = pagerank(sparse_of(weights))
    operator = pagerank(
        LinearOperator(weights.shape, matvec=lambda x: weights @ x, rmatvec=lambda x: weights.T @ x)
    )
    np.testing.assert_allclose(sparse, dense, atol=1e-12)
    np.testing.assert_allclose(operator, dense, atol=1e-12)


def test_symmetric_ring_is_uniform_and_a_star_centre_wins():
    ring = np.roll(np.eye(6), 1, axis=1)
    ring = ring + ring.T
    np.testing.assert_allclose(pagerank(ring), np.full(6, 1 / 6))
    star = np.zeros((5, 5))
    star[0, 1:] = star[1:, 0] = 1.0
    scores = pagerank(star)
    assert scores.argmax() == 0
    np.testing.assert_allclose(scores[1:], scores[1])


def test_dangling_nodes_and_empty_graphs():
    assert pagerank(np.zeros((0, 0))).shape == (0,)
    lonely = pagerank(np.zeros((4, 4)))  # no edges at all: every node dangles
    np.testing.assert_allclose(lonely, np.full(4, 0.25))


def test_is_deterministic():
    weights = random_graph(11, 50, 0.1)
    assert np.array_equal(pagerank(weights), pagerank(weights.copy()))


def test_rejects_bad_input():
    with pytest.raises(ValueError):
        pagerank(np.ones((2, 3)))
    with pytest.raises(ValueError):
        pagerank(np.ones((3, 3)), personalization=np.array([1.0, -1.0, 1.0]))
    with pytest.raises(ValueError):
        pagerank(np.ones((3, 3)), personalization=np.ones(2))


# --------------------------------------------------------------------------
# The sparse matrix


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    m=st.integers(1, 30),
    n=st.integers(1, 30),
    entries=st.integers(0, 120),
)
def test_sparse_products_are_scipys_to_the_last_bit(seed, m, n, entries):
    """Duplicates are summed, and the products equal scipy's CSR products
    exactly, so ranking gives the same scores as before scipy was dropped."""
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, m, entries)
    cols = rng.integers(0, n, entries)
    values = rng.random(entries)
    ours = Sparse(rows, cols, values, (m, n))
    theirs = sp.coo_matrix((values, (rows, cols)), shape=(m, n)).tocsr()
    np.testing.assert_allclose(ours.toarray(), theirs.toarray(), rtol=1e-15)
    x, y = rng.random(n), rng.random(m)
    # Without duplicates nothing is summed twice: the products are bit for bit scipy's.
    exact = entries == len(set(zip(rows.tolist(), cols.tolist())))
    same = np.array_equal if exact else (lambda a, b: np.allclose(a, b, rtol=1e-12, atol=0))
    assert same(ours.matvec(x), theirs @ x)
    assert same(ours.rmatvec(y), theirs.T @ y)
    for i in range(m):
        assert same(ours.row(i), theirs[[i]].toarray().ravel())
    np.testing.assert_allclose(ours.row_squares(), np.asarray(theirs.multiply(theirs).sum(axis=1)).ravel())
    factors = rng.random(m)
    np.testing.assert_allclose(ours.scale_rows(factors).toarray(), (sp.diags(factors) @ theirs).toarray())


def test_sparse_rejects_entries_outside_the_matrix():
    with pytest.raises(ValueError):
        Sparse([0, 3], [0, 1], [1.0, 1.0], (3, 3))
    with pytest.raises(ValueError):
        Sparse([0], [-1], [1.0], (3, 3))
    with pytest.raises(ValueError):
        Sparse([0, 1], [0], [1.0], (3, 3))
    empty = Sparse([], [], [], (2, 4))
    assert np.array_equal(empty.matvec(np.ones(4)), np.zeros(2))
    assert np.array_equal(empty.rmatvec(np.ones(2)), np.zeros(4))
