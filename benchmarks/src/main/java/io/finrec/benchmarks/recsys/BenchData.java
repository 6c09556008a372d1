package io.finrec.benchmarks.recsys;

import io.finrec.api.recommend.Interactions;
import io.finrec.recsys.data.SyntheticInteractions;

/** The benchmark data sets, generated once per JVM from fixed seeds. Thread-safe (synchronized lazy init). */
final class BenchData {
    private static Interactions large;

    private BenchData() {}

    /** 100k users x 20k items x 2M positives, Zipf(1.0) item popularity, seed 42 (the scale set). */
    static synchronized Interactions large() {
        if (large == null) large = SyntheticInteractions.zipf(100_000, 20_000, 2_000_000, 1.0, 42);
        return large;
    }

    /** A MovieLens-100k-sized set: 943 users x 1682 items x 55k positives. */
    static Interactions movielensSized() {
        return SyntheticInteractions.zipf(943, 1682, 55_000, 1.0, 42);
    }
}
