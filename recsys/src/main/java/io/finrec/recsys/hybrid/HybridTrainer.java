package io.finrec.recsys.hybrid;

import io.finrec.api.model.Fingerprint;
import io.finrec.api.model.Provenance;
import io.finrec.api.progress.OperationCancelledException;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.progress.ProgressTracker;
import io.finrec.api.random.Seeds;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommenderTrainer;
import io.finrec.api.recommend.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains {@link HybridModel}s: LightFM's model and update rules (logistic, BPR, WARP, k-OS WARP; AdaGrad or
 * AdaDelta) on primitive arrays, Hogwild-parallel over shuffled interactions.
 *
 * <pre>{@code
 * HybridTrainer trainer = new HybridTrainer(HybridConfig.builder().loss(Loss.WARP).components(30).epochs(30).build());
 * HybridModel model = trainer.fit(TrainingData.of(interactions), ProgressListener.NONE);
 * HybridModel more = trainer.fitPartial(model, TrainingData.of(newInteractions), ProgressListener.NONE);
 * }</pre>
 *
 * <p>With {@code threads == 1} training is deterministic: the same seed and data give bit-identical models, and
 * {@code fit} with {@code a + b} epochs equals {@code fit} with {@code a} followed by {@code fitPartial} with
 * {@code b} on the same data. With more threads workers update shared arrays without locks (Hogwild, as LightFM's
 * OpenMP loop does) and results vary slightly from run to run.
 *
 * <p>Duplicate (user, item) interactions are each trained on, as in LightFM; for negative sampling a user's items
 * are everything they interacted with, whatever the value. Immutable and thread-safe (each call trains
 * independently).
 */
public final class HybridTrainer implements RecommenderTrainer<HybridModel> {
    private final HybridConfig config;

    /** A trainer with these hyper-parameters. */
    public HybridTrainer(HybridConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The hyper-parameters. */
    public HybridConfig config() {
        return config;
    }

    @Override
    public HybridModel fit(TrainingData data, ProgressListener listener) {
        try (Session s = session(null, data, listener)) {
            s.runEpochs(config.epochs());
            return s.model();
        }
    }

    @Override
    public HybridModel fitPartial(HybridModel model, TrainingData data, ProgressListener listener) {
        Objects.requireNonNull(model, "model");
        try (Session s = session(model, data, listener)) {
            s.runEpochs(config.epochs());
            return s.model();
        }
    }

    /** A side of the model, for {@link Session}'s parameter hooks. */
    public enum Side {
        /** User features. */
        USER,
        /** Item features. */
        ITEM
    }

    /**
     * One side's trainable parameters by feature ordinal ({@code embeddings} row-major {@code features x
     * components}); the optimiser state is AdaGrad's squared-gradient sums, or AdaDelta's two running averages
     * ({@code momentum} arrays are empty for AdaGrad). The record holds the arrays it is given, uncopied.
     *
     * @param components       latent components
     * @param embeddings       feature embeddings
     * @param biases           feature biases
     * @param gradientSums     optimiser state of the embeddings
     * @param biasGradientSums optimiser state of the biases
     * @param momentum         AdaDelta's running average of squared updates (embeddings), or empty
     * @param biasMomentum     the same for biases, or empty
     */
    public record Parameters(int components, float[] embeddings, float[] biases, float[] gradientSums,
                             float[] biasGradientSums, float[] momentum, float[] biasMomentum) {}

    /**
     * Opens a training session: the data prepared once, then epochs run on demand (for early stopping, or to
     * benchmark epochs). {@code base} is the model to continue from, or {@code null} to start fresh.
     */
    public Session session(HybridModel base, TrainingData data, ProgressListener listener) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(listener, "listener");
        return new Session(base, data, listener);
    }

    /**
     * Prepared training state: interactions in model ordinals, grown feature spaces and a private copy of the
     * parameters. {@link #model()} snapshots an immutable model at any point. Single writer: one thread drives a
     * session (its workers are internal). Close it to stop its worker threads.
     */
    public final class Session implements AutoCloseable {
        private final FeatureSpace users;
        private final FeatureSpace items;
        private final FactorParams up;
        private final FactorParams ip;
        private final int[] knownPtr;
        private final int[] knownItems;
        private final float[] knownValues;
        private final SgdKernel kernel;
        private final int[] order;
        private final ExecutorService pool;
        private final ProgressListener listener;
        private final String fingerprint;
        private final long baseEpochs;
        private final Provenance baseProvenance;
        private int epochsRun;

        private Session(HybridModel base, TrainingData data, ProgressListener listener) {
            this.listener = listener;
            HybridConfig c = config;
            boolean adadelta = c.schedule() == LearningSchedule.ADADELTA;
            Interactions in = data.interactions();
            if (in.size() == 0) throw new IllegalArgumentException("interactions: no interactions to train on");
            if (c.loss() != Loss.LOGISTIC && in.positiveCount() == 0)
                throw new IllegalArgumentException("interactions: " + c.loss()
                        + " needs positive interactions (value > 0); all " + in.size() + " are <= 0");
            if (c.loss() == Loss.WARP_KOS)
                for (int i = 0; i < in.size(); i++)
                    if (in.weight(i) != 1f)
                        throw new IllegalArgumentException("weight: interaction " + i + " has weight " + in.weight(i)
                                + "; k-OS WARP does not support sample weights (as in LightFM)");
            if (base != null) {
                HybridConfig bc = base.config();
                if (bc.components() != c.components())
                    throw new IllegalArgumentException("config.components: the model has " + bc.components()
                            + " components, the trainer " + c.components());
                if (bc.schedule() != c.schedule())
                    throw new IllegalArgumentException("config.schedule: the model was trained with " + bc.schedule()
                            + ", the trainer uses " + c.schedule());
            }
            FeatureSpace u0 = base == null ? FeatureSpace.empty() : base.users;
            FeatureSpace i0 = base == null ? FeatureSpace.empty() : base.items;
            boolean uId = base == null ? c.userIdentity() : base.config().userIdentity();
            boolean iId = base == null ? c.itemIdentity() : base.config().itemIdentity();
            users = u0.grow(in.userIds(), data.userFeatures(), uId);
            items = i0.grow(in.itemIds(), data.itemFeatures(), iId);
            requireRows(users, "user", "userIdentity");
            requireRows(items, "item", "itemIdentity");
            FactorParams up0 = base == null ? FactorParams.empty(c.components(), adadelta) : base.up;
            FactorParams ip0 = base == null ? FactorParams.empty(c.components(), adadelta) : base.ip;
            up = up0.grown(users.featureCount, c.seed(), "user", adadelta);
            ip = ip0.grown(items.featureCount, c.seed(), "item", adadelta);

            int n = in.size();
            int[] tu = new int[n];
            int[] ti = new int[n];
            float[] tv = new float[n];
            float[] tw = new float[n];
            int[] uMap = new int[in.userCount()];
            for (int u = 0; u < uMap.length; u++) uMap[u] = users.index.get(in.userIds().get(u));
            int[] iMap = new int[in.itemCount()];
            for (int i = 0; i < iMap.length; i++) iMap[i] = items.index.get(in.itemIds().get(i));
            for (int r = 0; r < n; r++) {
                tu[r] = uMap[in.user(r)];
                ti[r] = iMap[in.item(r)];
                tv[r] = in.value(r);
                tw[r] = in.weight(r);
            }
            KnownItems known = KnownItems.merge(base == null ? null : base.known, users.size(), tu, ti, tv);
            knownPtr = known.ptr;
            knownItems = known.items;
            knownValues = known.values;
            KnownItems pos = known.positives();
            kernel = new SgdKernel(c, users, items, up, ip, knownPtr, knownItems, pos.ptr, pos.items, tu, ti, tv, tw,
                    listener);
            order = new int[n];
            pool = c.threads() > 1 ? Executors.newFixedThreadPool(c.threads(), r -> {
                Thread t = new Thread(r, "finrec-hybrid-train");
                t.setDaemon(true);
                return t;
            }) : null;
            Fingerprint fp = new Fingerprint();
            fp.add(n);
            for (String id : in.userIds()) fp.add(id);
            for (String id : in.itemIds()) fp.add(id);
            for (int r = 0; r < n; r++) fp.add(in.user(r)).add(in.item(r)).add(tv[r]).add(tw[r]);
            fp.add(data.userFeatures().toString()).add(data.itemFeatures().toString());
            fingerprint = fp.hex();
            baseEpochs = base == null ? 0 : base.epochsTrained();
            baseProvenance = base == null ? null : base.provenance();
        }

        private static void requireRows(FeatureSpace s, String what, String setting) {
            for (int e = 0; e < s.size(); e++)
                if (s.rowPtr[e] == s.rowPtr[e + 1])
                    throw new IllegalArgumentException(what + "Features: " + what + " '" + s.ids.get(e)
                            + "' has no features and " + setting + " is off, so it could not be represented");
        }

        /** Runs {@code epochs} epochs, reporting progress per epoch; throws when cancelled or diverged. */
        public void runEpochs(int epochs) {
            if (epochs < 1) throw new IllegalArgumentException("epochs: must be >= 1, was " + epochs);
            ProgressTracker t = ProgressTracker.start("train hybrid (" + config.loss().name().toLowerCase() + ")",
                    epochs, "epoch", listener);
            for (int e = 0; e < epochs; e++) {
                long t0 = System.nanoTime();
                runEpoch();
                t.advance(1, Map.of("secondsPerEpoch", (System.nanoTime() - t0) / 1e9));
            }
        }

        /** Lays out epoch {@code epoch}'s shuffled order (a function of the seed and the epoch number only). */
        private void shuffle(long epoch) {
            for (int i = 0; i < order.length; i++) order[i] = i;
            SplittableRandom rnd = Seeds.random(config.seed(), "shuffle", epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            kernel.gather(order);
        }

        /** Runs one epoch over every interaction in a fresh shuffled order. */
        public void runEpoch() {
            long epoch = baseEpochs + epochsRun;
            long seed = config.seed();
            shuffle(epoch);
            int threads = config.threads();
            if (threads == 1) {
                kernel.new Worker(Seeds.derive(seed, "worker-" + epoch, 0)).run(0, order.length);
            } else {
                List<Future<?>> fs = new ArrayList<>(threads);
                for (int w = 0; w < threads; w++) {
                    int from = (int) ((long) order.length * w / threads);
                    int to = (int) ((long) order.length * (w + 1) / threads);
                    long workerSeed = Seeds.derive(seed, "worker-" + epoch, w);
                    // allocated by the worker thread itself, so workers' hot fields never share a cache line
                    fs.add(pool.submit(() -> kernel.new Worker(workerSeed).run(from, to)));
                }
                try {
                    for (Future<?> f : fs) f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    kernel.cancelled = true;
                    throw new OperationCancelledException("train hybrid");
                } catch (ExecutionException e) {
                    throw new IllegalStateException("training worker failed: " + e.getCause(), e.getCause());
                }
            }
            if (kernel.cancelled || listener.isCancelled()) throw new OperationCancelledException("train hybrid");
            epochsRun++;
            if (!up.finite() || !ip.finite())
                throw new IllegalStateException("training diverged after epoch " + (epoch + 1)
                        + ": parameters are not finite; lower the learning rate or normalise feature weights and"
                        + " sample weights");
        }

        /**
         * Runs slice {@code slice} of {@code slices} of epoch number {@code epoch} on the calling thread: the epoch's
         * shuffled order (as {@link #runEpoch} would lay it out for that epoch number) cut into equal contiguous
         * slices. For engines that rebuild a session per round and merge parameters several times per epoch; does
         * not advance {@link #epochsRun()}. Deterministic for the same seed, data, parameters and arguments.
         */
        public void runEpochSlice(long epoch, int slice, int slices) {
            if (epoch < 0) throw new IllegalArgumentException("epoch: must be >= 0, was " + epoch);
            if (slices < 1 || slice < 0 || slice >= slices)
                throw new IllegalArgumentException("slice: " + slice + " is outside [0, " + slices + ")");
            shuffle(epoch);
            int from = (int) ((long) order.length * slice / slices);
            int to = (int) ((long) order.length * (slice + 1) / slices);
            kernel.new Worker(Seeds.derive(config.seed(), "worker-" + epoch + "-slice", slice)).run(from, to);
            if (kernel.cancelled || listener.isCancelled()) throw new OperationCancelledException("train hybrid");
            if (!up.finite() || !ip.finite())
                throw new IllegalStateException("training diverged in epoch " + (epoch + 1)
                        + ": parameters are not finite; lower the learning rate or normalise feature weights and"
                        + " sample weights");
        }

        /**
         * Records {@code epochs} epochs trained elsewhere (by an engine that ran them in other sessions and set the
         * merged parameters here), so {@link #model()}'s epoch count and provenance tell the truth.
         */
        public void countEpochs(int epochs) {
            if (epochs < 0) throw new IllegalArgumentException("epochs: must be >= 0, was " + epochs);
            epochsRun += epochs;
        }

        /** Entity ids of one side, by ordinal (the session's users or items). */
        public List<String> entityIds(Side side) {
            return space(side).ids;
        }

        /** Named features of one side, by named ordinal. */
        public List<String> featureNames(Side side) {
            return space(side).names;
        }

        /** Feature ordinal (parameter row) of an entity's identity feature, or -1 (unknown id, or no identity). */
        public int identityFeature(Side side, String entityId) {
            FeatureSpace s = space(side);
            Integer e = s.index.get(entityId);
            return e == null ? -1 : s.identity[e];
        }

        /** Feature ordinal (parameter row) of a named feature, or -1 when the session does not have it. */
        public int namedFeature(Side side, String name) {
            FeatureSpace s = space(side);
            Integer n = s.nameIndex.get(name);
            return n == null ? -1 : s.nameFeature[n];
        }

        /**
         * Copies of one side's trainable parameters and optimiser state, by feature ordinal: the hook for engines
         * that train partitions in separate sessions and merge them (parameter averaging across a cluster).
         */
        public Parameters parameters(Side side) {
            FactorParams p = params(side);
            return new Parameters(p.k, p.emb.clone(), p.bias.clone(), p.acc.clone(), p.accBias.clone(),
                    p.mom.clone(), p.momBias.clone());
        }

        /** Overwrites one side's parameters and optimiser state (lengths must match); not while an epoch runs. */
        public void setParameters(Side side, Parameters v) {
            Objects.requireNonNull(v, "parameters");
            FactorParams p = params(side);
            if (v.components() != p.k)
                throw new IllegalArgumentException("parameters.components: " + v.components() + " != " + p.k);
            copy(v.embeddings(), p.emb, "embeddings");
            copy(v.biases(), p.bias, "biases");
            copy(v.gradientSums(), p.acc, "gradientSums");
            copy(v.biasGradientSums(), p.accBias, "biasGradientSums");
            copy(v.momentum(), p.mom, "momentum");
            copy(v.biasMomentum(), p.momBias, "biasMomentum");
        }

        private static void copy(float[] from, float[] to, String field) {
            Objects.requireNonNull(from, field);
            if (from.length != to.length)
                throw new IllegalArgumentException("parameters." + field + ": length " + from.length + " != "
                        + to.length);
            System.arraycopy(from, 0, to, 0, to.length);
        }

        private FeatureSpace space(Side side) {
            return Objects.requireNonNull(side, "side") == Side.USER ? users : items;
        }

        private FactorParams params(Side side) {
            return Objects.requireNonNull(side, "side") == Side.USER ? up : ip;
        }

        /** The training kernel (tests). */
        SgdKernel kernel() {
            return kernel;
        }

        /** Epochs run in this session. */
        public int epochsRun() {
            return epochsRun;
        }

        /** An immutable model of the current state (parameters are copied). */
        public HybridModel model() {
            Provenance p = Provenance.now(config.seed(), config.threads(), fingerprint,
                    Map.of("trainer", "HybridTrainer", "loss", config.loss().name(),
                            "epochs", Long.toString(baseEpochs + epochsRun),
                            "continuedFrom", baseProvenance == null ? "" : baseProvenance.dataFingerprint()));
            return new HybridModel(config, users, items, up.copy(), ip.copy(),
                    new KnownItems(knownPtr, knownItems, knownValues), baseEpochs + epochsRun, p);
        }

        @Override
        public void close() {
            if (pool != null) pool.shutdownNow();
        }
    }

}
