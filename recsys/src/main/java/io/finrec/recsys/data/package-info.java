/**
 * Data sources for recommenders: the MovieLens 100k reader ({@link io.finrec.recsys.data.MovieLens}), a generic
 * delimited interaction reader ({@link io.finrec.recsys.data.InteractionCsv}) and a seeded Zipf synthetic
 * generator ({@link io.finrec.recsys.data.SyntheticInteractions}) for tests and benchmarks.
 */
package io.finrec.recsys.data;
