/**
 * JMH benchmarks of the recommenders: hybrid training epochs (WARP, BPR; 1 and 2 threads) beside a line-by-line port
 * of LightFM's training loop on the same synthetic 100k x 20k x 2M Zipf set, catalogue scoring, and all-users top-k.
 */
package io.finrec.benchmarks.recsys;
