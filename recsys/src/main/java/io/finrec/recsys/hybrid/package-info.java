/**
 * LightFM-style hybrid matrix factorization: {@link io.finrec.recsys.hybrid.HybridTrainer} (logistic, BPR, WARP,
 * k-OS WARP; AdaGrad/AdaDelta; Hogwild threads or a deterministic single thread) produces immutable
 * {@link io.finrec.recsys.hybrid.HybridModel}s whose users and items are sums of named feature embeddings, with
 * cold start, explanations, representation export and an allocation-free
 * {@link io.finrec.recsys.hybrid.ScoringKernel}.
 */
package io.finrec.recsys.hybrid;
