package io.finrec.recsys.spark.train;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import io.finrec.api.progress.OperationCancelledException;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.progress.ProgressTracker;
import io.finrec.api.random.Seeds;
import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.hybrid.HybridConfig;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.hybrid.HybridTrainer;
import io.finrec.recsys.hybrid.HybridTrainer.Parameters;
import io.finrec.recsys.hybrid.HybridTrainer.Side;
import io.finrec.recsys.hybrid.LearningSchedule;
import io.finrec.recsys.hybrid.Loss;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * <b>Experimental.</b> Trains the hybrid model on Spark: interactions are partitioned by user, so every user's
 * parameters live in exactly one partition; each round every partition runs its slice of the epoch with FinRec's own
 * SGD kernel ({@link HybridTrainer.Session#runEpochSlice}) from the current global item and shared user-feature
 * parameters, and the driver merges the partitions' item-side and shared user-feature parameters (and optimiser
 * state) into new globals. Rounds per epoch and the merge rule are {@link Settings}.
 *
 * <p>Trade-off against single-machine Hogwild: there, every update is visible to every thread at once; here the
 * partitions work on stale item parameters for a whole round and their updates are merged afterwards, so more
 * partitions or fewer rounds per epoch drift further from sequential SGD. {@code docs/recsys-spark.md} has the
 * MovieLens numbers. The final model is assembled on the driver (it holds every user's parameters and history,
 * like any model file). Deterministic for the same data, settings and partition count. Immutable and thread-safe.
 */
public final class DistributedHybridTrainer {
    /** How partitions' parameters are merged each round. */
    public enum Merge {
        /** Each parameter becomes the mean over the partitions (plain parameter averaging). */
        AVERAGE,
        /**
         * Each parameter moves by the sum of the partitions' changes (as if their updates had been applied one after
         * the other, like Hogwild); optimiser state likewise.
         */
        SUM_OF_CHANGES
    }

    /**
     * Distribution settings. Immutable and thread-safe.
     *
     * @param partitions    user partitions (Spark tasks per round), {@code >= 1}
     * @param roundsPerEpoch merges per epoch (each round runs that fraction of every partition's epoch), {@code >= 1}
     * @param merge          the merge rule
     */
    public record Settings(int partitions, int roundsPerEpoch, Merge merge) implements Serializable {
        public Settings {
            if (partitions < 1) throw new IllegalArgumentException("partitions: must be >= 1, was " + partitions);
            if (roundsPerEpoch < 1)
                throw new IllegalArgumentException("roundsPerEpoch: must be >= 1, was " + roundsPerEpoch);
            Objects.requireNonNull(merge, "merge");
        }
    }

    private final HybridConfig config;
    private final Settings settings;

    /** A trainer with these hyper-parameters ({@code threads} is ignored: each partition runs one thread). */
    public DistributedHybridTrainer(HybridConfig config, Settings settings) {
        this.config = Objects.requireNonNull(config, "config").toBuilder().threads(1).build();
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Trains on driver-side data (distributed to the partitions by user). */
    public HybridModel fit(SparkSession spark, TrainingData data, ProgressListener listener) {
        Objects.requireNonNull(data, "data");
        Interactions in = data.interactions();
        List<Row> rows = new ArrayList<>(in.size());
        for (int r = 0; r < in.size(); r++)
            rows.add(RowFactory.create(in.userIds().get(in.user(r)), in.itemIds().get(in.item(r)), in.value(r),
                    in.weight(r)));
        List<Row> feats = new ArrayList<>();
        FeatureMatrix uf = data.userFeatures();
        for (String u : uf.entityIds())
            for (Map.Entry<String, Double> e : uf.featuresOf(u).entrySet())
                feats.add(RowFactory.create(u, e.getKey(), e.getValue().floatValue()));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, spark.sparkContext().defaultParallelism());
        Dataset<Row> interactions = spark.createDataFrame(jsc.parallelize(rows, slices), INTERACTIONS);
        Dataset<Row> userFeatures = spark.createDataFrame(jsc.parallelize(feats, slices), USER_FEATURES);
        return fit(interactions, userFeatures, in.itemIds(), data.itemFeatures(), listener);
    }

    /** Interaction rows: {@code user, item} (strings), {@code value, weight} (floats). */
    public static final StructType INTERACTIONS = new StructType().add("user", DataTypes.StringType, false)
            .add("item", DataTypes.StringType, false).add("value", DataTypes.FloatType, false)
            .add("weight", DataTypes.FloatType, false);
    /** User feature rows: {@code user, feature} (strings), {@code weight} (float); optionally {@code position}. */
    public static final StructType USER_FEATURES = new StructType().add("user", DataTypes.StringType, false)
            .add("feature", DataTypes.StringType, false).add("weight", DataTypes.FloatType, false);

    /**
     * Trains on DataFrames (columns as {@link #INTERACTIONS} and {@link #USER_FEATURES}; numeric columns are cast)
     * over a catalogue of items with optional item features (catalogue-sized, held on the driver and broadcast).
     * Interactions naming an item outside the catalogue fail the job naming the user and the item.
     */
    public HybridModel fit(Dataset<Row> interactions, Dataset<Row> userFeatures, List<String> catalogue,
                           FeatureMatrix itemFeatures, ProgressListener listener) {
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(itemFeatures, "itemFeatures");
        Objects.requireNonNull(listener, "listener");
        if (catalogue.isEmpty()) throw new IllegalArgumentException("catalogue: no items");
        SparkSession spark = interactions.sparkSession();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Catalogue cat = new Catalogue(catalogue, itemFeatures);
        Broadcast<Catalogue> bcat = jsc.broadcast(cat);

        // one row per user, events and features sorted (deterministic), users partitioned by hash, sorted within
        Dataset<Row> events = interactions.select(col("user").cast("string").as("user"),
                        struct(col("item").cast("string").as("item"), col("value").cast("float").as("value"),
                                col("weight").cast("float").as("weight")).as("e"))
                .groupBy("user").agg(array_sort(collect_list(col("e"))).as("events"));
        Dataset<Row> users = events;
        TreeSet<String> vocabulary = new TreeSet<>();
        if (userFeatures != null) {
            // rows keep the order of a 'position' column when there is one (prepare's output), else name order
            org.apache.spark.sql.Column position = List.of(userFeatures.columns()).contains("position")
                    ? col("position").cast("int") : org.apache.spark.sql.functions.lit(0);
            Dataset<Row> f = userFeatures.select(col("user").cast("string").as("user"),
                            struct(position.as("position"), col("feature").cast("string").as("feature"),
                                    col("weight").cast("float").as("weight")).as("f"))
                    .groupBy("user").agg(array_sort(collect_list(col("f"))).as("features"));
            users = events.join(f, events.col("user").equalTo(f.col("user")), "left_outer")
                    .select(events.col("user"), col("events"), col("features"));
            for (Row r : userFeatures.select(col("feature").cast("string")).distinct().collectAsList())
                vocabulary.add(r.getString(0));
        }
        boolean hasFeatures = userFeatures != null;
        int p = settings.partitions();
        JavaRDD<PartitionState> states = users.repartition(p, col("user")).sortWithinPartitions("user").javaRDD()
                .mapPartitionsWithIndex((idx, it) -> List.of(build(idx, it, bcat.value(), hasFeatures)).iterator(),
                        true);
        states.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return train(jsc, states, cat, bcat, new ArrayList<>(vocabulary), listener);
        } finally {
            bcat.destroy();
        }
    }

    private static PartitionState build(int partition, Iterator<Row> rows, Catalogue cat, boolean hasFeatures) {
        List<String> users = new ArrayList<>();
        List<int[]> ui = new ArrayList<>();
        List<float[]> vw = new ArrayList<>();
        List<String> fNames = new ArrayList<>();
        List<Float> fWeights = new ArrayList<>();
        List<Integer> fPtr = new ArrayList<>(List.of(0));
        while (rows.hasNext()) {
            Row r = rows.next();
            String user = r.getString(0);
            int x = users.size();
            users.add(user);
            for (Row e : r.<Row>getList(1)) {
                Integer item = cat.index().get(e.getString(0));
                if (item == null)
                    throw new IllegalArgumentException("interactions: user '" + user + "' has item '" + e.getString(0)
                            + "', which is not in the catalogue");
                if (e.isNullAt(1) || e.isNullAt(2))
                    throw new IllegalArgumentException("interactions: user '" + user + "' item '" + e.getString(0)
                            + "' has a null value or weight");
                ui.add(new int[] {x, item});
                vw.add(new float[] {e.getFloat(1), e.getFloat(2)});
            }
            if (hasFeatures && !r.isNullAt(2)) {
                for (Row f : r.<Row>getList(2)) {
                    if (f.isNullAt(2))
                        throw new IllegalArgumentException("userFeatures: user '" + user + "' feature '"
                                + f.getString(1) + "' has a null weight");
                    fNames.add(f.getString(1));
                    fWeights.add(f.getFloat(2));
                }
            }
            fPtr.add(fNames.size());
        }
        int n = ui.size();
        int[] u = new int[n], i = new int[n];
        float[] v = new float[n], w = new float[n];
        for (int q = 0; q < n; q++) {
            u[q] = ui.get(q)[0];
            i[q] = ui.get(q)[1];
            v[q] = vw.get(q)[0];
            w[q] = vw.get(q)[1];
        }
        float[] fw = new float[fWeights.size()];
        for (int q = 0; q < fw.length; q++) fw[q] = fWeights.get(q);
        return new PartitionState(partition, users.toArray(new String[0]), u, i, v, w,
                fPtr.stream().mapToInt(Integer::intValue).toArray(), fNames.toArray(new String[0]), fw, null, null);
    }

    private HybridModel train(JavaSparkContext jsc, JavaRDD<PartitionState> states, Catalogue cat,
                              Broadcast<Catalogue> bcat, List<String> vocabulary, ProgressListener listener) {
        // global initial parameters: the single-machine trainer's own initialisation of the item side and of the
        // named user features (a one-interaction session over the catalogue and the vocabulary)
        Globals g;
        try (HybridTrainer.Session init = new HybridTrainer(config).session(null, initData(cat, vocabulary),
                ProgressListener.NONE)) {
            g = new Globals(Rows.arrays(init.parameters(Side.ITEM)),
                    Rows.arrays(rows(init.parameters(Side.USER), vocabulary, init)), config.components());
        }
        int rounds = config.epochs() * settings.roundsPerEpoch();
        ProgressTracker t = ProgressTracker.start("train hybrid on spark (" + settings.partitions() + " partitions)",
                rounds, "round", listener);
        JavaRDD<PartitionState> current = states;
        JavaRDD<RoundResult> previous = null;
        List<Broadcast<Globals>> used = new ArrayList<>();
        Broadcast<Globals> previousGlobals = null;
        for (int round = 0; round < rounds; round++) {
            if (listener.isCancelled()) throw new OperationCancelledException("train hybrid on spark");
            long t0 = System.nanoTime();
            Broadcast<Globals> bg = jsc.broadcast(g);
            RoundTask task = new RoundTask(config, settings, vocabulary, bcat, bg, round);
            JavaRDD<RoundResult> res = current.map(task::run);
            res.persist(StorageLevel.MEMORY_AND_DISK());
            if (round % 10 == 9) res.rdd().localCheckpoint(); // keep the lineage short
            // the round's one job; partials summed on the driver in partition order, so runs are bit-identical
            Sums sums = null;
            for (Sums x : res.map(Sums::of).collect()) sums = sums == null ? x : sums.add(x);
            g = g.merge(sums, settings.merge());
            if (previous != null) previous.unpersist(false); // its states are now in res
            if (previousGlobals != null) previousGlobals.unpersist(false); // the lineage still names it: no destroy
            used.add(bg);
            previous = res;
            previousGlobals = bg;
            current = res.map(RoundResult::state);
            t.advance(1, Map.of("secondsPerRound", (System.nanoTime() - t0) / 1e9));
        }
        List<PartitionState> all = current.collect();
        if (previous != null) previous.unpersist(false);
        for (Broadcast<Globals> b : used) b.destroy();
        states.unpersist(false);
        return assemble(all, cat, vocabulary, g);
    }

    private static TrainingData initData(Catalogue cat, List<String> vocabulary) {
        Interactions.Builder b = Interactions.builder();
        for (String item : cat.ids) b.item(item);
        b.add("finrec-init", cat.ids.get(0), 1.0);
        FeatureMatrix.Builder f = FeatureMatrix.builder();
        for (String name : vocabulary) f.add("finrec-init", name, 1.0);
        return new TrainingData(b.build(), f.build(), cat.features());
    }

    /** The given named rows of a user-side parameter block, in vocabulary order. */
    private static Parameters rows(Parameters p, List<String> vocabulary, HybridTrainer.Session s) {
        int[] ords = new int[vocabulary.size()];
        for (int x = 0; x < ords.length; x++) ords[x] = s.namedFeature(Side.USER, vocabulary.get(x));
        return Rows.select(p, ords);
    }

    private HybridModel assemble(List<PartitionState> all, Catalogue cat, List<String> vocabulary, Globals g) {
        Interactions.Builder b = Interactions.builder();
        for (String item : cat.ids) b.item(item);
        FeatureMatrix.Builder f = FeatureMatrix.builder();
        for (String name : vocabulary) f.feature(name);
        TreeSet<String> sortedUsers = new TreeSet<>();
        for (PartitionState st : all) sortedUsers.addAll(List.of(st.users));
        for (String user : sortedUsers) b.user(user); // users in id order, as the single-machine path declares them
        for (PartitionState st : all) {
            for (int r = 0; r < st.u.length; r++) b.add(st.users[st.u[r]], cat.ids.get(st.i[r]), st.v[r], st.w[r]);
            for (int x = 0; x < st.users.length; x++)
                for (int q = st.fPtr[x]; q < st.fPtr[x + 1]; q++) f.add(st.users[x], st.fNames[q], st.fWeights[q]);
        }
        try (HybridTrainer.Session d = new HybridTrainer(config).session(null,
                new TrainingData(b.build(), f.build(), cat.features()), ProgressListener.NONE)) {
            Parameters up = d.parameters(Side.USER);
            int[] named = new int[vocabulary.size()];
            for (int x = 0; x < named.length; x++) named[x] = d.namedFeature(Side.USER, vocabulary.get(x));
            Rows.scatter(g.named(), up, named);
            for (PartitionState st : all) {
                if (st.userParams == null) continue;
                Parameters part = Rows.of(st.userParams, config.components());
                int[] from = new int[st.users.length], to = new int[st.users.length];
                for (int x = 0; x < st.users.length; x++) {
                    from[x] = st.identity[x];
                    to[x] = d.identityFeature(Side.USER, st.users[x]);
                }
                Rows.copy(part, from, up, to);
            }
            d.setParameters(Side.USER, up);
            d.setParameters(Side.ITEM, g.items());
            d.countEpochs(config.epochs());
            return d.model();
        }
    }

    /** The catalogue: item ids in order and their features, shipped to every partition. */
    static final class Catalogue implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<String> ids;
        private final List<String> featureNames;
        private final String[] rowIds;
        private final int[] rowPtr;
        private final int[] feats;
        private final float[] weights;
        private transient Map<String, Integer> index;
        private transient FeatureMatrix features;

        Catalogue(List<String> ids, FeatureMatrix f) {
            this.ids = new ArrayList<>(ids);
            this.featureNames = new ArrayList<>(f.featureNames());
            this.rowIds = f.entityIds().toArray(new String[0]);
            this.rowPtr = new int[rowIds.length + 1];
            this.feats = new int[f.nonZeros()];
            this.weights = new float[f.nonZeros()];
            for (int r = 0; r < rowIds.length; r++) {
                for (int q = f.rowStart(r); q < f.rowEnd(r); q++) {
                    feats[q] = f.featureAt(q);
                    weights[q] = f.weightAt(q);
                }
                rowPtr[r + 1] = f.rowEnd(r);
            }
            Map<String, Integer> seen = new HashMap<>();
            for (String id : this.ids)
                if (seen.put(id, seen.size()) != null)
                    throw new IllegalArgumentException("catalogue: item '" + id + "' appears twice");
        }

        synchronized Map<String, Integer> index() {
            if (index == null) {
                Map<String, Integer> m = new HashMap<>(ids.size() * 2);
                for (int i = 0; i < ids.size(); i++) m.put(ids.get(i), i);
                index = m;
            }
            return index;
        }

        /** The item features, rebuilt identically (same vocabulary and row order) in every JVM. */
        synchronized FeatureMatrix features() {
            if (features == null) {
                FeatureMatrix.Builder b = FeatureMatrix.builder();
                for (String name : featureNames) b.feature(name);
                for (int r = 0; r < rowIds.length; r++)
                    for (int q = rowPtr[r]; q < rowPtr[r + 1]; q++) b.add(rowIds[r], featureNames.get(feats[q]), weights[q]);
                features = b.build();
            }
            return features;
        }
    }

    /** The global item parameters and shared user-feature rows (in vocabulary order), as plain arrays. */
    record Globals(float[][] itemArrays, float[][] namedArrays, int components) implements Serializable {
        Parameters items() {
            return Rows.of(itemArrays, components);
        }

        Parameters named() {
            return Rows.of(namedArrays, components);
        }

        Globals merge(Sums s, Merge m) {
            return new Globals(Rows.merge(itemArrays, s.items, s.itemCount, components, m),
                    Rows.merge(namedArrays, s.named, s.namedCount, components, m), components);
        }
    }

    /** What one partition returns from a round. */
    record RoundResult(PartitionState state, float[][] items, float[][] named, int[] namedCount)
            implements Serializable {}

    /** Sums of partitions' parameters, with how many partitions contributed to each row. */
    static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        final float[][] items;
        final int[] itemCount;
        final float[][] named;
        final int[] namedCount;

        Sums(float[][] items, int[] itemCount, float[][] named, int[] namedCount) {
            this.items = items;
            this.itemCount = itemCount;
            this.named = named;
            this.namedCount = namedCount;
        }

        static Sums of(RoundResult r) {
            int[] ic = new int[r.items()[1].length];
            if (r.state().u.length == 0) // an empty partition contributes nothing
                return new Sums(Rows.zeros(r.items()), ic, Rows.zeros(r.named()), r.namedCount());
            java.util.Arrays.fill(ic, 1);
            return new Sums(r.items(), ic, r.named(), r.namedCount());
        }

        Sums add(Sums o) {
            return new Sums(Rows.add(items, o.items), Rows.add(itemCount, o.itemCount), Rows.add(named, o.named),
                    Rows.add(namedCount, o.namedCount));
        }
    }

    /** A {@link HybridConfig} as shippable values (the config itself is not {@link Serializable}). */
    record ConfigSpec(int components, Loss loss, LearningSchedule schedule, double learningRate, double rho,
                      double epsilon, double userAlpha, double itemAlpha, int maxSampled, int kosK, int kosN,
                      int epochs, long seed, boolean userIdentity, boolean itemIdentity) implements Serializable {
        static ConfigSpec of(HybridConfig c) {
            return new ConfigSpec(c.components(), c.loss(), c.schedule(), c.learningRate(), c.rho(), c.epsilon(),
                    c.userAlpha(), c.itemAlpha(), c.maxSampled(), c.kosK(), c.kosN(), c.epochs(), c.seed(),
                    c.userIdentity(), c.itemIdentity());
        }

        HybridConfig config() {
            return HybridConfig.builder().components(components).loss(loss).schedule(schedule)
                    .learningRate(learningRate).rho(rho).epsilon(epsilon).userAlpha(userAlpha).itemAlpha(itemAlpha)
                    .maxSampled(maxSampled).kosK(kosK).kosN(kosN).epochs(epochs).seed(seed).threads(1)
                    .userIdentity(userIdentity).itemIdentity(itemIdentity).build();
        }
    }

    /** The work of one partition in one round. */
    static final class RoundTask implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ConfigSpec config;
        private final Settings settings;
        private final List<String> vocabulary;
        private final Broadcast<Catalogue> catalogue;
        private final Broadcast<Globals> globals;
        private final int round;

        RoundTask(HybridConfig config, Settings settings, List<String> vocabulary, Broadcast<Catalogue> catalogue,
                  Broadcast<Globals> globals, int round) {
            this.config = ConfigSpec.of(config);
            this.settings = settings;
            this.vocabulary = vocabulary;
            this.catalogue = catalogue;
            this.globals = globals;
            this.round = round;
        }

        RoundResult run(PartitionState st) {
            Catalogue cat = catalogue.value();
            Globals g = globals.value();
            if (st.u.length == 0) // an empty partition changes nothing
                return new RoundResult(st, g.itemArrays(), g.namedArrays(), new int[vocabulary.size()]);
            HybridConfig c = config.config();
            HybridConfig pc = c.toBuilder().seed(Seeds.derive(c.seed(), "spark-partition", st.partition))
                    .build();
            try (HybridTrainer.Session s = new HybridTrainer(pc).session(null, st.trainingData(cat.ids, cat.features()),
                    ProgressListener.NONE)) {
                Parameters up = st.userParams == null ? s.parameters(Side.USER)
                        : Rows.of(st.userParams, c.components());
                int[] named = new int[vocabulary.size()];
                int[] present = new int[named.length];
                for (int x = 0; x < named.length; x++) {
                    named[x] = s.namedFeature(Side.USER, vocabulary.get(x));
                    present[x] = named[x] >= 0 ? 1 : 0;
                }
                Rows.scatter(g.named(), up, named);
                s.setParameters(Side.USER, up);
                s.setParameters(Side.ITEM, g.items());
                int r = settings.roundsPerEpoch();
                s.runEpochSlice(round / r, round % r, r);
                Parameters after = s.parameters(Side.USER);
                int[] identity = new int[st.users.length];
                for (int x = 0; x < identity.length; x++) identity[x] = s.identityFeature(Side.USER, st.users[x]);
                Parameters namedAfter = Rows.select(after, named); // absent rows come back as zeros (count 0)
                return new RoundResult(st.withUserParams(Rows.arrays(after), identity),
                        Rows.arrays(s.parameters(Side.ITEM)), Rows.arrays(namedAfter), present);
            }
        }
    }
}
