/** JMH benchmarks of core's hot paths: validated CSV / JSON-lines reading and the built-in bank generator. */
package io.finrec.benchmarks.core;
