/**
 * Estimators of the inputs of portfolio optimisation: {@link io.finrec.strategy.estimate.ExpectedReturns},
 * {@link io.finrec.strategy.estimate.Covariances} (sample, exponentially weighted, Ledoit-Wolf variants,
 * semicovariance) and {@link io.finrec.strategy.estimate.PsdRepair}.
 */
package io.finrec.strategy.estimate;
