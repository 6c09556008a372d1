/** JMH benchmarks of sentiment (VADER, learned finance model) and keyword extraction. */
package io.finrec.benchmarks.sentiment;
