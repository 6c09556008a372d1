/** Evaluation programs run by {@code .ci/evals/*.sh} against the shared datasets (given as an argument). */
package io.finrec.examples.eval;
