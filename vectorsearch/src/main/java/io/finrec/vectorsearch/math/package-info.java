/**
 * Dot-product kernels (scalar and Vector API) chosen once per JVM, and small vector helpers. Internal to
 * {@code finrec-vectorsearch}: public only so the sibling packages can share it.
 */
package io.finrec.vectorsearch.math;
