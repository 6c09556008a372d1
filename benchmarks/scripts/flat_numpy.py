#!/usr/bin/env python3
"""Exact top-k by inner product with numpy (OpenBLAS), as a stand-in for FAISS's IndexFlatIP (FAISS itself: see
flat_faiss.py): for a batch FAISS makes the same BLAS sgemm call (blocked over the base) and keeps a heap per query;
for one query at a time it runs its own SIMD dot-product loop, which numpy's sgemv matches in spirit.

Usage: OPENBLAS_NUM_THREADS=1 python3 flat_numpy.py BASE.fvecs QUERIES.fvecs TRUTH.ivecs [k] [repeat]
Prints JSON lines like `finrec vectors bench`: recall@k against the truth, then single-query and batch QPS (median of
`repeat` passes over all queries). Set OPENBLAS_NUM_THREADS to choose the BLAS threads (1 for the one-thread rows).
"""
import json
import os
import sys
import time

import numpy as np


def read_vecs(path, dtype):
    raw = np.fromfile(path, dtype=np.int32)
    if raw.size == 0:
        raise SystemExit(f"{path}: empty file")
    dim = int(raw[0])
    if dim <= 0 or raw.size % (dim + 1) != 0:
        raise SystemExit(f"{path}: not a .{'f' if dtype == np.float32 else 'i'}vecs file (dimension {dim})")
    rows = raw.reshape(-1, dim + 1)
    if not (rows[:, 0] == dim).all():
        raise SystemExit(f"{path}: rows of different dimensions")
    return np.ascontiguousarray(rows[:, 1:]).view(dtype)


def top_k(scores, k):
    """Indices of the k largest scores of each row, best first."""
    part = np.argpartition(-scores, k - 1, axis=-1)[..., :k]
    order = np.argsort(-np.take_along_axis(scores, part, axis=-1), axis=-1, kind="stable")
    return np.take_along_axis(part, order, axis=-1)


def single(base, queries, k):
    return np.stack([top_k(base @ q, k) for q in queries])


def batch(base, queries, k, block=16384):
    best_i = np.empty((len(queries), 0), dtype=np.int64)
    best_s = np.empty((len(queries), 0), dtype=np.float32)
    for start in range(0, len(base), block):
        s = queries @ base[start:start + block].T
        i = top_k(s, min(k, s.shape[1]))
        best_s = np.concatenate([best_s, np.take_along_axis(s, i, axis=1)], axis=1)
        best_i = np.concatenate([best_i, i + start], axis=1)
        keep = top_k(best_s, min(k, best_s.shape[1]))
        best_s = np.take_along_axis(best_s, keep, axis=1)
        best_i = np.take_along_axis(best_i, keep, axis=1)
    return best_i


def recall(found, truth, k):
    hits = sum(len(set(f[:k]) & set(t[:k])) for f, t in zip(found, truth))
    return hits / (k * len(found))


def read_set(argv):
    """The base vectors, queries and exact truth named by argv[1:4] (the files `finrec vectors gen` writes)."""
    return read_vecs(argv[1], np.float32), read_vecs(argv[2], np.float32), read_vecs(argv[3], np.int32)


def timed(fn, queries, repeat):
    """Runs fn() `repeat` times; returns its last result and the median queries per second."""
    qps = []
    found = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = fn()
        qps.append(len(queries) / (time.perf_counter() - t0))
    return found, round(sorted(qps)[len(qps) // 2])


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    base, queries, truth = read_set(sys.argv)
    k = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    repeat = int(sys.argv[5]) if len(sys.argv) > 5 else 3
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    for name, fn in (("single", single), ("batch", batch)):
        found, qps = timed(lambda: fn(base, queries, k), queries, repeat)
        print(json.dumps({"engine": "numpy", "mode": name, "numpy": np.__version__, "blasThreads": threads,
                          "vectors": len(base), "dimension": base.shape[1], "queries": len(queries), "k": k,
                          "recall": round(recall(found, truth, k), 4), "qps": qps,
                          "repeat": repeat, "loadAverage": round(os.getloadavg()[0], 2)}), flush=True)


if __name__ == "__main__":
    main()
