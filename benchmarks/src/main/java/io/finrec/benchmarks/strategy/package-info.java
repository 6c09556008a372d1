/**
 * JMH benchmarks of the portfolio strategies: covariance estimators (sample, Ledoit-Wolf) beside a naive triple loop,
 * and the long-only optimisers (QP minimum variance and maximum Sharpe, ERC, HRP) beside one Cholesky solve, on
 * seeded factor-model returns ({@code StrategyData}).
 */
package io.finrec.benchmarks.strategy;
