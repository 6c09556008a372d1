package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.api.vector.VectorIndex;
import io.finrec.api.vector.VectorSearcher;
import io.finrec.vectorsearch.data.GroundTruth;
import io.finrec.vectorsearch.data.SyntheticEmbeddings;
import io.finrec.vectorsearch.data.Vecs;
import io.finrec.vectorsearch.flat.FlatIndex;
import io.finrec.vectorsearch.hnsw.HnswConfig;
import io.finrec.vectorsearch.hnsw.HnswIndex;
import io.finrec.vectorsearch.math.VectorMath;
import io.finrec.vectorsearch.quant.Quantization;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code finrec vectors}: generate the synthetic embedding benchmark set and benchmark the flat and HNSW indexes on
 * any {@code .fvecs}/{@code .ivecs} set, printing one JSON object per line.
 */
@Command(name = "vectors", mixinStandardHelpOptions = true,
        description = "Vector search: generate benchmark data and measure recall and speed.",
        subcommands = {VectorsCommand.Gen.class, VectorsCommand.Bench.class})
public final class VectorsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Metric metric(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "ip": case "inner_product": case "dot": return Metric.INNER_PRODUCT;
            case "cosine": case "cos": return Metric.COSINE;
            case "l2": case "euclidean": return Metric.L2;
            default: throw new IllegalArgumentException("--metric: '" + s + "' is not one of ip, cosine, l2");
        }
    }

    /** {@code finrec vectors gen}: the seeded embedding-like set with exact ground truth. */
    @Command(name = "gen", mixinStandardHelpOptions = true,
            description = "Write base.fvecs, queries.fvecs and truth.ivecs (exact top-k by inner product) of the "
                    + "seeded embedding-like set (anisotropic Gaussian mixture, L2-normalised).")
    static final class Gen implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Option(names = "--out", required = true, description = "Output directory (created if missing).")
        Path out;
        @Option(names = "--base", defaultValue = "100000", description = "Base vectors (default ${DEFAULT-VALUE}).")
        int base;
        @Option(names = "--queries", defaultValue = "1000", description = "Queries (default ${DEFAULT-VALUE}).")
        int queries;
        @Option(names = "--dim", defaultValue = "384", description = "Dimension (default ${DEFAULT-VALUE}).")
        int dim;
        @Option(names = "--clusters", defaultValue = "1000", description = "Mixture components (default ${DEFAULT-VALUE}).")
        int clusters;
        @Option(names = "--k", defaultValue = "100", description = "Ground-truth depth (default ${DEFAULT-VALUE}).")
        int k;
        @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--threads", description = "Threads (default: all cores).")
        Integer threads;

        @Override
        public Integer call() throws IOException {
            if (base < 1 || queries < 1 || k < 1)
                throw new ParameterException(spec.commandLine(), "--base, --queries and --k must be >= 1");
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            SyntheticEmbeddings.Config c = SyntheticEmbeddings.Config.embeddingLike(seed);
            c = new SyntheticEmbeddings.Config(dim, clusters, Math.min(c.rank(), dim), c.spread(), c.noise(), seed);
            SyntheticEmbeddings g = new SyntheticEmbeddings(c);
            long t0 = System.nanoTime();
            float[][] b = g.base(base, t);
            float[][] q = g.queries(queries, t);
            int[][] truth = GroundTruth.exactTopK(b, q, Metric.INNER_PRODUCT, Math.min(k, base), t);
            Files.createDirectories(out);
            Vecs.writeFvecs(out.resolve("base.fvecs"), b);
            Vecs.writeFvecs(out.resolve("queries.fvecs"), q);
            Vecs.writeIvecs(out.resolve("truth.ivecs"), truth);
            ObjectNode line = JSON.createObjectNode();
            line.put("event", "gen").put("dir", out.toString()).put("base", base).put("queries", queries)
                    .put("dimension", dim).put("clusters", clusters).put("k", Math.min(k, base)).put("seed", seed)
                    .put("seconds", round((System.nanoTime() - t0) / 1e9));
            spec.commandLine().getOut().println(line);
            return 0;
        }
    }

    /** {@code finrec vectors bench}: build an index and measure recall@k and queries per second. */
    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Build a flat or HNSW index over --base and print JSON lines: the build (seconds, memory), "
                    + "then per ef recall@k and QPS one query at a time on one thread and batched over --threads.")
    static final class Bench implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Option(names = "--base", required = true, description = "Base vectors (.fvecs); ids are row numbers.")
        Path base;
        @Option(names = "--queries", required = true, description = "Queries (.fvecs).")
        Path queries;
        @Option(names = "--truth", required = true, description = "Exact neighbours of each query (.ivecs).")
        Path truth;
        @Option(names = "--index", defaultValue = "hnsw", description = "flat or hnsw (default ${DEFAULT-VALUE}).")
        String index;
        @Option(names = "--metric", defaultValue = "ip", description = "ip, cosine or l2 (default ${DEFAULT-VALUE}).")
        String metric;
        @Option(names = "--m", defaultValue = "16", description = "HNSW M (default ${DEFAULT-VALUE}).")
        int m;
        @Option(names = "--ef-construction", defaultValue = "100", description = "HNSW efConstruction (default ${DEFAULT-VALUE}).")
        int efConstruction;
        @Option(names = "--ef", split = ",", defaultValue = "16,32,64,128", description = "HNSW efSearch values (default ${DEFAULT-VALUE}).")
        int[] ef;
        @Option(names = "--threads", description = "Build and batch-search threads (default: all cores).")
        Integer threads;
        @Option(names = "--k", defaultValue = "10", description = "Results per query (default ${DEFAULT-VALUE}).")
        int k;
        @Option(names = "--repeat", defaultValue = "3", description = "Timed passes per measurement; the median is printed (default ${DEFAULT-VALUE}).")
        int repeat;
        @Option(names = "--limit", defaultValue = "2147483647", description = "Use only the first N base vectors (truth must match).")
        int limit;
        @Option(names = "--seed", defaultValue = "42", description = "HNSW level seed (default ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--save", description = "Save the built index to this file.")
        Path save;
        @Option(names = "--quantization", split = ",", defaultValue = "none",
                description = "none, int8, or both (none,int8): the index is built with the first; each further one "
                        + "reuses the same vectors and graph (saved, reloaded with or without int8 codes) and the "
                        + "searches of all of them interleave (default ${DEFAULT-VALUE}).")
        String[] quantization;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (t < 1 || k < 1 || repeat < 1) throw new ParameterException(spec.commandLine(), "--threads, --k and --repeat must be >= 1");
            Metric met = metric(metric);
            float[][] b = Vecs.readFvecs(base, limit);
            float[][] q = Vecs.readFvecs(queries);
            int[][] tr = Vecs.readIvecs(truth, q.length);
            if (b.length == 0 || q.length == 0) throw new IllegalArgumentException("--base and --queries must not be empty");
            if (tr.length != q.length)
                throw new IllegalArgumentException(truth + ": " + tr.length + " rows for " + q.length + " queries");
            for (int i = 0; i < tr.length; i++) {
                if (tr[i].length < k) throw new IllegalArgumentException(truth + ": row " + i + " has " + tr[i].length + " neighbours, --k is " + k);
                for (int id : tr[i]) if (id < 0 || id >= b.length) throw new IllegalArgumentException(truth + ": row " + i + " names base row " + id + " outside [0, " + b.length + ")");
            }
            int dim = b[0].length;
            if (q[0].length != dim) throw new IllegalArgumentException(queries + ": dimension " + q[0].length + ", base has " + dim);
            List<String> ids = new ArrayList<>(b.length);
            for (int i = 0; i < b.length; i++) ids.add(Integer.toString(i));

            List<Quantization> quants = new ArrayList<>();
            for (String name : quantization) {
                try {
                    Quantization qz = Quantization.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
                    if (!quants.contains(qz)) quants.add(qz);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--quantization: '" + name + "' is not none or int8");
                }
            }
            VectorIndex idx;
            boolean hnsw;
            switch (index.toLowerCase(java.util.Locale.ROOT)) {
                case "flat": idx = FlatIndex.create(dim, met, quants.get(0)); hnsw = false; break;
                case "hnsw":
                    idx = HnswIndex.create(dim, met, HnswConfig.builder().m(m).efConstruction(efConstruction)
                            .seed(seed).buildThreads(t).quantization(quants.get(0)).build());
                    hnsw = true;
                    break;
                default: throw new ParameterException(spec.commandLine(), "--index: '" + index + "' is not flat or hnsw");
            }
            long heapBefore = usedHeap();
            long t0 = System.nanoTime();
            try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), ProgressBar.defaultMode())) {
                idx.addAll(ids, Arrays.asList(b), t, bar);
            }
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            long heapAfter = usedHeap();
            ObjectNode line = JSON.createObjectNode();
            line.put("event", "build").put("index", index).put("metric", met.name()).put("vectors", b.length)
                    .put("dimension", dim).put("threads", t).put("seconds", round(buildSeconds))
                    .put("ramBytesUsed", idx.ramBytesUsed()).put("measuredHeapBytes", heapAfter - heapBefore)
                    .put("kernels", VectorMath.KERNELS.name()).put("quantization", quants.get(0).name());
            if (hnsw) line.put("m", m).put("efConstruction", efConstruction);
            out.println(line);
            out.flush();
            if (save != null) idx.save(save);
            List<VectorSearcher> variants = new ArrayList<>(List.of(idx));
            for (Quantization qz : quants.subList(1, quants.size())) variants.add(reloaded(idx, hnsw, qz, out));

            int[] efs = hnsw ? ef : new int[] {0};
            for (int e : efs) {
                SearchRequest req = e > 0 ? SearchRequest.topK(k).withEf(e) : SearchRequest.topK(k);
                int nv = variants.size();
                List<List<List<SearchHit>>> res = new ArrayList<>();
                for (VectorSearcher v : variants) { // warm up the JIT on both paths
                    res.add(single(v, q, req, Math.min(q.length, 200)));
                    v.searchBatch(Arrays.copyOf(q, Math.min(q.length, 200)), req, t);
                }
                double[][] singleQps = new double[nv][repeat];
                double[][] batchQps = new double[nv][repeat];
                for (int r = 0; r < repeat; r++) { // variants interleave, so load changes hit them alike
                    for (int i = 0; i < nv; i++) {
                        long s0 = System.nanoTime();
                        res.set(i, single(variants.get(i), q, req, q.length));
                        singleQps[i][r] = q.length / ((System.nanoTime() - s0) / 1e9);
                    }
                    for (int i = 0; i < nv; i++) {
                        long s0 = System.nanoTime();
                        variants.get(i).searchBatch(q, req, t);
                        batchQps[i][r] = q.length / ((System.nanoTime() - s0) / 1e9);
                    }
                }
                for (int i = 0; i < nv; i++) {
                    ObjectNode l = JSON.createObjectNode();
                    l.put("event", "search").put("index", index).put("quantization", quants.get(i).name());
                    if (hnsw) l.put("ef", e);
                    l.put("k", k).put("recall", Math.round(GroundTruth.recall(tr, res.get(i), k) * 10000) / 10000.0)
                            .put("qpsSingleThread", Math.round(median(singleQps[i])))
                            .put("qpsBatch", Math.round(median(batchQps[i]))).put("batchThreads", t)
                            .put("queries", q.length).put("repeat", repeat).put("loadAverage", loadAverage());
                    out.println(l);
                }
                out.flush();
            }
            return 0;
        }

        /** The built index saved and loaded back with another quantisation: same vectors and graph. */
        private static VectorSearcher reloaded(VectorIndex idx, boolean hnsw, Quantization qz, PrintWriter out)
                throws IOException {
            Path tmp = Files.createTempFile("finrec-bench", ".frec");
            try {
                long t0 = System.nanoTime();
                idx.save(tmp);
                VectorSearcher v = hnsw ? HnswIndex.load(tmp, qz) : FlatIndex.load(tmp, qz);
                ObjectNode l = JSON.createObjectNode();
                l.put("event", "reload").put("quantization", qz.name())
                        .put("seconds", round((System.nanoTime() - t0) / 1e9)).put("ramBytesUsed", v.ramBytesUsed());
                out.println(l);
                out.flush();
                return v;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        private static List<List<SearchHit>> single(VectorSearcher idx, float[][] q, SearchRequest req, int n) {
            List<List<SearchHit>> res = new ArrayList<>(n);
            for (int i = 0; i < n; i++) res.add(idx.search(q[i], req));
            return res;
        }
    }

    static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The one-minute load average, or -1 where the platform does not report it. */
    static double loadAverage() {
        return Math.round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                * 100) / 100.0;
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
