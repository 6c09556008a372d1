/**
 * The allocation contract: {@link io.finrec.api.allocation.AllocationStrategy} turns a
 * {@link io.finrec.api.allocation.AllocationRequest} (a {@link io.finrec.api.allocation.PriceTable}, market
 * conventions and {@link io.finrec.api.allocation.AllocationConstraints}) into an
 * {@link io.finrec.api.allocation.Allocation} carrying its figures and an
 * {@link io.finrec.api.allocation.AllocationAudit}; refusals are typed
 * {@link io.finrec.api.allocation.AllocationException}s. Free of engine types (no EJML in signatures).
 */
package io.finrec.api.allocation;
