/**
 * Hierarchical risk parity and the single-linkage clustering it rests on (SciPy-compatible linkage matrices).
 */
package io.finrec.strategy.hrp;
