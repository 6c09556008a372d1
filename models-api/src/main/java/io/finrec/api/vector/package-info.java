/** The vector-index contract, {@link io.finrec.api.vector.VectorIndex}, with per-query settings and filters. */
package io.finrec.api.vector;
