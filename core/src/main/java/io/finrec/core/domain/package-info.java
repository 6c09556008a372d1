/**
 * The bank domain as small immutable records, validated at construction: {@link io.finrec.core.domain.Customer},
 * {@link io.finrec.core.domain.Account}, {@link io.finrec.core.domain.Transaction},
 * {@link io.finrec.core.domain.Product}, {@link io.finrec.core.domain.Interaction},
 * {@link io.finrec.core.domain.SocialPost}, savings goals, loans and market series.
 *
 * <p>Every constructor checks its arguments eagerly and names the offending field in the exception message.
 */
package io.finrec.core.domain;
