/**
 * The investment-strategy part of the bank app: the profile-bounded, regime-aware allocation of
 * {@link io.finrec.strategy.bank.AdvisoryAllocator} for a customer of the bank, summarised for storage and reports
 * ({@link io.finrec.examples.advice.AllocationSummary}).
 */
package io.finrec.examples.advice;
