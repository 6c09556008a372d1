package io.finrec.benchmarks.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Recall/QPS curves of FinRec HNSW (float and int8 scoring), jvector and Lucene built on the same embedding-like set in
 * one JVM, printed as
 * JSON lines (build seconds, then per ef: recall@10 and single-thread QPS, median of 3 passes over 1,000 queries;
 * the passes of the engines interleave, so changes in machine load hit every engine alike). {@code finrec-int8} builds
 * with int8 codes; {@code finrec-int8-copy}, listed after {@code finrec}, reuses its graph (saved, reloaded with int8
 * codes; its "build" time is that copy), so the two differ only in how searches score.
 * Run: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * io.finrec.benchmarks.vector.AnnComparison [n] [efs] [m] [efConstruction] [threads] [engines]}, e.g.
 * {@code 100000 16,32,64,128 16 100 2 finrec,jvector,lucene}.
 */
public final class AnnComparison {
    private AnnComparison() {}

    /** Entry point; see the class comment for arguments. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int[] efs = Arrays.stream((args.length > 1 ? args[1] : "16,32,64,128").split(",")).mapToInt(Integer::parseInt).toArray();
        int m = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int efc = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
        List<String> engines = Arrays.asList((args.length > 5 ? args[5] : "finrec,jvector,lucene").split(","));
        VectorData d = new VectorData(n, 1000, true);
        List<AnnEngine> built = new ArrayList<>();
        for (String name : engines) {
            AnnEngine e = AnnEngine.named(name);
            long t0 = System.nanoTime();
            AnnEngine floats = built.stream().filter(b -> b.name().equals("finrec")).findFirst().orElse(null);
            if (name.equals("finrec-int8-copy")) {
                if (floats == null) throw new IllegalArgumentException("finrec-int8-copy needs finrec listed before it");
                e = AnnEngine.FinRecInt8.copyOf((AnnEngine.FinRec) floats); // same graph: only the scoring differs
            } else {
                e.build(d.base, m, efc, threads);
            }
            double build = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "{\"engine\":\"%s\",\"event\":\"build\",\"n\":%d,\"m\":%d,\"efConstruction\":%d,"
                    + "\"threads\":%d,\"seconds\":%.1f}%n", name, n, m, efc, name.equals("lucene") ? 1 : threads, build);
            built.add(e);
        }
        // searches interleave the engines pass by pass, so a change in machine load hits all of them alike
        for (int ef : efs) {
            double[] recall = new double[built.size()];
            List<List<Double>> qps = new ArrayList<>();
            for (int i = 0; i < built.size(); i++) {
                recall[i] = d.recall(built.get(i), ef); // also warms up
                qps.add(new ArrayList<>());
            }
            for (int r = 0; r < 3; r++) {
                for (int i = 0; i < built.size(); i++) {
                    long s0 = System.nanoTime();
                    for (float[] q : d.queries) built.get(i).search(q, 10, ef);
                    qps.get(i).add(d.queries.length / ((System.nanoTime() - s0) / 1e9));
                }
            }
            for (int i = 0; i < built.size(); i++) {
                List<Double> x = qps.get(i);
                x.sort(null);
                System.out.printf(Locale.ROOT, "{\"engine\":\"%s\",\"event\":\"search\",\"ef\":%d,\"recall\":%.4f,"
                        + "\"qpsSingleThread\":%.0f}%n", built.get(i).name(), ef, recall[i], x.get(1));
            }
        }
    }
}
