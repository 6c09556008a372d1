#!/usr/bin/env python3
"""Independent reference weights for FinRec's strategy evaluation (.ci/evals/strategy.sh).

Not run by Maven. Needs only numpy and scipy (no pandas, no PyPortfolioOpt). Usage:

    python3 strategy/src/test/python/reference_weights.py ../shared/data/prices/stock_prices.csv

Problem set-up (the same one `finrec allocate --complete-rows --train-fraction 0.8` uses):
  * keep the dates on which all 20 tickers have a price (896 rows, 2014-09-19 .. 2018-04-11);
  * keep the first floor(0.8 * 896) = 716 of those price rows -> 715 simple daily returns;
  * expected returns: geometric (CAGR) = prod(1 + r) ** (252 / T) - 1;
  * covariance: sample covariance (ddof 1) * 252;
  * long-only, fully invested (0 <= w_i <= 1, sum w = 1).

Each optimiser is solved twice, independently of FinRec's Java code: first with SciPy's SLSQP, then
"polished" by identifying the active set from the SLSQP answer (w_i < 1e-6 -> at the bound 0) and solving
the KKT equations of the problem restricted to that active set exactly (a linear solve; for the
volatility-targeted problem a scalar quadratic). The polished answer is accepted only if it is feasible and
its KKT multipliers have the right signs; the script prints the KKT residuals to show it.

  * min-variance      : min w'Sw
  * max-sharpe        : max (mu'w - rf) / sqrt(w'Sw), rf = 0.02, via y = w / (mu - rf)'w:
                        min y'Sy s.t. (mu - rf)'y = 1, y >= 0; w = y / sum(y)
  * efficient-risk    : max mu'w s.t. w'Sw <= 0.15^2
  * erc               : equal risk contributions w_i (Sw)_i = w'Sw / n (SLSQP on the log-barrier form, then
                        Newton's method on S y - 1/y = 0, which converges quadratically)
  * hrp               : PyPortfolioOpt's HRP (plain correlation distance sqrt((1 - rho) / 2), single linkage,
                        quasi-diagonal order from the tree, recursive bisection with inverse-variance cluster
                        weights) on the daily returns, computed with scipy.cluster.hierarchy
  * hrp-ldp           : the same with the 2016 paper's distance of distances (Euclidean distance between rows
                        of the distance matrix) before single linkage

Output: one line per method, "method TICKER=weight ...", in the format the evaluation script embeds.
"""
import csv
import sys

import numpy as np
from scipy.cluster import hierarchy as sch
from scipy.optimize import minimize
from scipy.spatial import distance as ssd

RF = 0.02
PERIODS = 252
TARGET_VOL = 0.15
TRAIN_FRACTION = 0.8
ACTIVE = 1e-6


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    tickers = rows[0][1:]
    prices = np.array([[float(x) if x else np.nan for x in r[1:]] for r in rows[1:]])
    complete = prices[~np.isnan(prices).any(axis=1)]
    train = complete[: int(np.floor(TRAIN_FRACTION * len(complete)))]
    returns = train[1:] / train[:-1] - 1.0
    mu = np.prod(1.0 + returns, axis=0) ** (PERIODS / len(returns)) - 1.0
    cov = np.cov(returns, rowvar=False, ddof=1) * PERIODS
    return tickers, returns, mu, cov


def slsqp(fun, jac, n, constraints):
    res = minimize(fun, np.full(n, 1.0 / n), jac=jac, method="SLSQP", bounds=[(0.0, None)] * n,
                   constraints=constraints, options={"ftol": 1e-15, "maxiter": 2000})
    if not res.success:
        raise RuntimeError(res.message)
    return res.x


def kkt_equality(H, g, A, b, free):
    """min 1/2 x'Hx + g'x s.t. A x = b, x_i = 0 off `free`; returns (x, multipliers of A)."""
    f = np.flatnonzero(free)
    m = A.shape[0]
    K = np.block([[H[np.ix_(f, f)], A[:, f].T], [A[:, f], np.zeros((m, m))]])
    sol = np.linalg.solve(K, np.concatenate([-g[f], b]))
    x = np.zeros(len(g))
    x[f] = sol[: len(f)]
    return x, sol[len(f):]


def check_bounds_kkt(name, H, g, A, lam, x):
    """Stationarity residual and bound multipliers z = Hx + g + A'lam (must be >= 0 where x = 0)."""
    z = H @ x + g + A.T @ lam
    free = x > 0
    stat = np.max(np.abs(z[free])) if free.any() else 0.0
    dual = z[~free].min() if (~free).any() else 0.0
    if x.min() < 0 or dual < -1e-12:
        raise RuntimeError(f"{name}: polished point is not optimal (min w {x.min()}, min bound multiplier {dual})")
    print(f"# {name}: stationarity {stat:.2e}, min bound multiplier {dual:.2e}, active bounds {int((~free).sum())}",
          file=sys.stderr)


def min_variance(mu, S):
    n = len(mu)
    w0 = slsqp(lambda w: w @ S @ w, lambda w: 2 * S @ w, n, [{"type": "eq", "fun": lambda w: w.sum() - 1}])
    A = np.ones((1, n))
    w, lam = kkt_equality(2 * S, np.zeros(n), A, np.array([1.0]), w0 > ACTIVE)
    check_bounds_kkt("min-variance", 2 * S, np.zeros(n), A, lam, w)
    return w


def max_sharpe(mu, S):
    n = len(mu)
    ex = mu - RF
    y0 = slsqp(lambda y: y @ S @ y, lambda y: 2 * S @ y, n, [{"type": "eq", "fun": lambda y: ex @ y - 1}])
    A = ex.reshape(1, -1)
    y, lam = kkt_equality(2 * S, np.zeros(n), A, np.array([1.0]), y0 > ACTIVE * y0.sum())
    check_bounds_kkt("max-sharpe", 2 * S, np.zeros(n), A, lam, y)
    return y / y.sum()


def efficient_risk(mu, S):
    n = len(mu)
    cons = [{"type": "eq", "fun": lambda w: w.sum() - 1},
            {"type": "ineq", "fun": lambda w: TARGET_VOL ** 2 - w @ S @ w, "jac": lambda w: -2 * S @ w}]
    w0 = slsqp(lambda w: -mu @ w, lambda w: -mu, n, cons)
    f = np.flatnonzero(w0 > ACTIVE)
    # On the free set: w = (a - lam b) / (2 gamma) with a = S^-1 mu, b = S^-1 1; sum w = 1 and w'Sw = s^2 give a
    # quadratic in lam: A - 2 lam B + lam^2 C = s^2 (B - lam C)^2 (A = mu'S^-1 mu, B = 1'S^-1 mu, C = 1'S^-1 1).
    Sf = S[np.ix_(f, f)]
    a = np.linalg.solve(Sf, mu[f])
    b = np.linalg.solve(Sf, np.ones(len(f)))
    Aq, Bq, Cq = mu[f] @ a, np.ones(len(f)) @ a, np.ones(len(f)) @ b
    s2 = TARGET_VOL ** 2
    coeffs = [Cq - s2 * Cq * Cq, -2 * Bq + 2 * s2 * Bq * Cq, Aq - s2 * Bq * Bq]
    best = None
    for lam in np.roots(coeffs):
        if abs(lam.imag) > 0:
            continue
        lam = lam.real
        two_gamma = Bq - lam * Cq
        if two_gamma <= 0:
            continue
        w = np.zeros(n)
        w[f] = (a - lam * b) / two_gamma
        if best is None or mu @ w > mu @ best:
            best = w
    w = best
    # KKT check: -mu + 2 g S w + lam 1 - z = 0 with g > 0, z >= 0 on the active bounds.
    grad_f = S[np.ix_(f, f)] @ w[f]
    M = np.column_stack([2 * grad_f, np.ones(len(f))])
    coef, *_ = np.linalg.lstsq(M, mu[f], rcond=None)
    g2, lam = coef
    z = -mu + g2 * 2 * (S @ w) + lam
    stat = np.max(np.abs(z[f]))
    dual = z[w <= 0].min() if (w <= 0).any() else 0.0
    if w.min() < 0 or g2 <= 0 or dual < -1e-12:
        raise RuntimeError("efficient-risk: polished point is not optimal")
    print(f"# efficient-risk: stationarity {stat:.2e}, vol {np.sqrt(w @ S @ w):.15f}, min bound multiplier {dual:.2e}",
          file=sys.stderr)
    return w


def erc(S):
    n = len(S)
    fun = lambda y: 0.5 * y @ S @ y - np.sum(np.log(y)) / n  # noqa: E731
    jac = lambda y: S @ y - 1.0 / (n * y)  # noqa: E731
    res = minimize(fun, np.full(n, 1.0), jac=jac, method="SLSQP", bounds=[(1e-12, None)] * n,
                   options={"ftol": 1e-15, "maxiter": 2000})
    y = res.x
    for _ in range(50):  # Newton polish: S y - b / y = 0, Hessian S + diag(b / y^2)
        g = S @ y - 1.0 / (n * y)
        step = np.linalg.solve(S + np.diag(1.0 / (n * y * y)), g)
        t = 1.0
        while np.any(y - t * step <= 0):
            t /= 2
        y = y - t * step
        if np.max(np.abs(g)) < 1e-15:
            break
    w = y / y.sum()
    rc = w * (S @ w) / (w @ S @ w)
    print(f"# erc: max |risk contribution - 1/n| {np.max(np.abs(rc - 1.0 / n)):.2e}", file=sys.stderr)
    return w


def hrp(returns, distance_of_distances):
    cov = np.cov(returns, rowvar=False, ddof=1)
    sd = np.sqrt(np.diag(cov))
    corr = cov / np.outer(sd, sd)
    dist = np.sqrt(np.clip((1.0 - corr) / 2.0, 0.0, 1.0))
    np.fill_diagonal(dist, 0.0)
    if distance_of_distances:
        link = sch.linkage(ssd.pdist(dist, "euclidean"), "single")
    else:
        link = sch.linkage(ssd.squareform(dist, checks=False), "single")
    order = sch.to_tree(link, rd=False).pre_order()
    w = np.ones(len(order))
    clusters = [order]
    while clusters:
        clusters = [c[j:k] for c in clusters for j, k in ((0, len(c) // 2), (len(c) // 2, len(c))) if len(c) > 1]
        for i in range(0, len(clusters), 2):
            v = []
            for c in (clusters[i], clusters[i + 1]):
                sub = cov[np.ix_(c, c)]
                ivp = 1.0 / np.diag(sub)
                ivp /= ivp.sum()
                v.append(ivp @ sub @ ivp)
            alpha = 1.0 - v[0] / (v[0] + v[1])
            w[clusters[i]] *= alpha
            w[clusters[i + 1]] *= 1.0 - alpha
    return w


def main():
    tickers, returns, mu, cov = load(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/prices/stock_prices.csv")
    print(f"# {len(returns)} returns, {len(tickers)} assets", file=sys.stderr)
    results = {
        "min-variance": min_variance(mu, cov),
        "max-sharpe": max_sharpe(mu, cov),
        "efficient-risk": efficient_risk(mu, cov),
        "erc": erc(cov),
        "hrp": hrp(returns, False),
        "hrp-ldp": hrp(returns, True),
    }
    for name, w in results.items():
        w = np.where(np.abs(w) < 1e-15, 0.0, w)
        print(name + " " + " ".join(f"{t}={x:.12f}" for t, x in zip(tickers, w)))


if __name__ == "__main__":
    main()
