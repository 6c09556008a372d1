#!/usr/bin/env python3
"""HNSW with FAISS's IndexHNSWFlat (inner product) on the TEXMEX files `finrec vectors bench` reads: build on
`threads` threads, then recall@k and one-query-at-a-time QPS (1 thread) for each efSearch.

Usage: /usr/bin/python3 hnsw_faiss.py BASE.fvecs QUERIES.fvecs TRUTH.ivecs M EF_CONSTRUCTION EF1,EF2,... [threads] [k]
Install: apt-get install python3-faiss libopenblas0-pthread.
"""
import json
import os
import sys
import time

import faiss
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from flat_numpy import read_set, recall, timed  # noqa: E402


def main():
    if len(sys.argv) < 7:
        raise SystemExit(__doc__)
    base, queries, truth = read_set(sys.argv)
    m, ef_c = int(sys.argv[4]), int(sys.argv[5])
    efs = [int(x) for x in sys.argv[6].split(",")]
    threads = int(sys.argv[7]) if len(sys.argv) > 7 else 2
    k = int(sys.argv[8]) if len(sys.argv) > 8 else 10
    faiss.omp_set_num_threads(threads)
    index = faiss.IndexHNSWFlat(base.shape[1], m, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = ef_c
    t0 = time.perf_counter()
    index.add(base)
    build = time.perf_counter() - t0
    print(json.dumps({"engine": "faiss-hnsw", "event": "build", "faiss": faiss.__version__, "m": m,
                      "efConstruction": ef_c, "threads": threads, "vectors": len(base), "seconds": round(build, 2),
                      "loadAverage": round(os.getloadavg()[0], 2)}), flush=True)
    faiss.omp_set_num_threads(1)
    for ef in efs:
        index.hnsw.efSearch = ef
        found, qps = timed(lambda: np.vstack([index.search(queries[i:i + 1], k)[1] for i in range(len(queries))]),
                           queries, 1)
        print(json.dumps({"engine": "faiss-hnsw", "event": "search", "ef": ef, "k": k,
                          "recall": round(recall(found, truth, k), 4), "qpsSingleThread": qps,
                          "loadAverage": round(os.getloadavg()[0], 2)}), flush=True)


if __name__ == "__main__":
    main()
