/**
 * Portfolio allocation on EJML: {@link io.finrec.strategy.PortfolioStrategy} implements the
 * {@link io.finrec.api.allocation.AllocationStrategy} contract with the estimators of
 * {@link io.finrec.strategy.estimate}, the optimisers of {@link io.finrec.strategy.optimize} and
 * {@link io.finrec.strategy.hrp}, configured by {@link io.finrec.strategy.StrategyConfig}. The bank layer (risk
 * profiles, regimes, rebalancing, explanations) lives in {@link io.finrec.strategy.bank}.
 */
package io.finrec.strategy;
