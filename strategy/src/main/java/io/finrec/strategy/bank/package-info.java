/**
 * The bank layer: risk questionnaires and profile policies, regime detection with hysteresis, the profile-bounded
 * regime-aware allocation, rebalancing advice and deterministic explanations
 * ({@link io.finrec.strategy.bank.AdvisoryAllocator}).
 */
package io.finrec.strategy.bank;
