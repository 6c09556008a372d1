#!/usr/bin/env python3
"""Exact top-k by inner product with FAISS's IndexFlatIP (Debian's python3-faiss 1.7.3, the version the issue measured),
one query at a time and as one batch, on the same TEXMEX files `finrec vectors bench` reads.

Usage: /usr/bin/python3 flat_faiss.py BASE.fvecs QUERIES.fvecs TRUTH.ivecs [k] [repeat] [threads]
Prints JSON lines like `finrec vectors bench`: recall@k against the truth and QPS (median of `repeat` passes over all
queries). `threads` sets faiss.omp_set_num_threads and OpenBLAS's threads (default 1). Install: apt-get install python3-faiss.
"""
import json
import os
import sys

# Debian's OpenBLAS runs its own pthreads whatever faiss.omp_set_num_threads says; the thread count must be set before
# numpy and FAISS load it (measured: one-thread batch 957 QPS with this, 1,354-1,485 without, on 2 cores).
if len(sys.argv) > 6:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", sys.argv[6])
else:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import faiss
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from flat_numpy import read_set, recall, timed  # noqa: E402  (one .fvecs reader and recall for all scripts)


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    base, queries, truth = read_set(sys.argv)
    k = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    repeat = int(sys.argv[5]) if len(sys.argv) > 5 else 3
    threads = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    faiss.omp_set_num_threads(threads)
    index = faiss.IndexFlatIP(base.shape[1])
    index.add(base)

    def single():
        return np.vstack([index.search(queries[i:i + 1], k)[1] for i in range(len(queries))])

    def batch():
        return index.search(queries, k)[1]

    for name, fn in (("single", single), ("batch", batch)):
        found, qps = timed(fn, queries, repeat)
        print(json.dumps({"engine": "faiss-flat", "mode": name, "faiss": faiss.__version__, "threads": threads,
                          "vectors": len(base), "dimension": base.shape[1], "queries": len(queries), "k": k,
                          "recall": round(recall(found, truth, k), 4), "qps": qps,
                          "repeat": repeat, "loadAverage": round(os.getloadavg()[0], 2)}), flush=True)


if __name__ == "__main__":
    main()
