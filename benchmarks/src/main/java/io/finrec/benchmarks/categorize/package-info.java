/**
 * JMH benchmarks of the transaction categorizer with the shipped default model: normalisation alone, full
 * categorisation one transaction at a time and in batches ({@code CategorizeBenchmark}).
 */
package io.finrec.benchmarks.categorize;
