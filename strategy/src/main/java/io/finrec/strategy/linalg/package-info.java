/**
 * Dense linear algebra on EJML (Cholesky, LU, symmetric eigen decomposition) behind plain arrays, so that no EJML
 * type leaks into the strategy API.
 */
package io.finrec.strategy.linalg;
