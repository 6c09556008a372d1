/** The seed policy: every random choice in FinRec flows from a caller-given seed through {@link io.finrec.api.random.Seeds}. */
package io.finrec.api.random;
