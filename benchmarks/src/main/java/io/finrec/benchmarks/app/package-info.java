/** JMH benchmarks of the bank example app: per-request recommendation latency on a trained model. */
package io.finrec.benchmarks.app;
