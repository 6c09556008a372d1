/**
 * FinRec's recommenders: the LightFM-style hybrid model ({@code hybrid}), user-based CF and popularity ({@code cf}),
 * ranking ({@code rank}), evaluation ({@code eval}) and data sources ({@code data}).
 * {@link io.finrec.recsys.RecommenderFiles} loads any saved recommender.
 */
package io.finrec.recsys;
