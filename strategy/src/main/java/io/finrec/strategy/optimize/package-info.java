/**
 * Portfolio optimisers: a quadratic-programming solver of our own ({@link io.finrec.strategy.optimize.ActiveSetQpSolver},
 * Goldfarb-Idnani on EJML) and the mean-variance, risk-budgeting and Black-Litterman methods built on it.
 */
package io.finrec.strategy.optimize;
