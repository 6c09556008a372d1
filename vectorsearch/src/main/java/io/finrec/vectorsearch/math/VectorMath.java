package io.finrec.vectorsearch.math;

/**
 * Chooses the {@link Kernels} once per JVM and offers the small vector helpers the indexes share.
 *
 * <p>The Vector API kernels ({@code io.finrec.vectorsearch.math.simd.PanamaKernels}) are compiled against the
 * incubator module {@code jdk.incubator.vector}, and loaded reflectively only when the JVM resolved that module
 * (it does with {@code --add-modules jdk.incubator.vector}); otherwise, or if the system property
 * {@code finrec.vector.kernels=scalar} is set, the scalar kernels are used. Stateless and thread-safe.
 */
public final class VectorMath {
    /** The kernels this JVM uses. */
    public static final Kernels KERNELS = choose();

    private VectorMath() {}

    private static Kernels choose() {
        if ("scalar".equalsIgnoreCase(System.getProperty("finrec.vector.kernels"))) return ScalarKernels.INSTANCE;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return ScalarKernels.INSTANCE;
        try {
            Class<?> c = Class.forName("io.finrec.vectorsearch.math.simd.PanamaKernels");
            return (Kernels) c.getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return ScalarKernels.INSTANCE;
        }
    }

    /** Both kernel sets this JVM can run, scalar first (for benchmarks and tests that compare them). */
    public static Kernels[] available() {
        return KERNELS == ScalarKernels.INSTANCE ? new Kernels[] {ScalarKernels.INSTANCE}
                : new Kernels[] {ScalarKernels.INSTANCE, KERNELS};
    }

    /** The squared L2 norm. */
    public static float normSquared(float[] v) {
        return KERNELS.dot(v, 0, v, 0, v.length);
    }

    /** Scales {@code v} in place to unit L2 norm (computed in double); returns false, leaving it alone, if it is zero. */
    public static boolean normalizeInPlace(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        if (s == 0) return false;
        float inv = (float) (1.0 / Math.sqrt(s));
        for (int i = 0; i < v.length; i++) v[i] *= inv;
        return true;
    }
}
