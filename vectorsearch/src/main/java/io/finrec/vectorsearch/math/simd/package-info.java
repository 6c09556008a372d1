/**
 * Vector API kernels, compiled with {@code --add-modules jdk.incubator.vector} and loaded only reflectively when the
 * running JVM has that module. Internal to {@code finrec-vectorsearch}.
 */
package io.finrec.vectorsearch.math.simd;
