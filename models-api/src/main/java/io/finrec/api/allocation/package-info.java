/** The allocation contract: {@link io.finrec.api.allocation.AllocationStrategy} and its value types. */
package io.finrec.api.allocation;
