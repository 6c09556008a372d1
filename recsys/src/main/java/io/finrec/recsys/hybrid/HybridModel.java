package io.finrec.recsys.hybrid;

import io.finrec.api.model.Provenance;
import io.finrec.api.recommend.Explanation;
import io.finrec.api.recommend.HybridRecommender;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Representations;
import io.finrec.api.recommend.UnknownIdException;
import io.finrec.recsys.rank.Ranker;
import io.finrec.recsys.rank.TopK;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A trained hybrid factorization model (LightFM's model): every user and item is the weighted sum of the
 * embeddings and biases of its features, {@code score = dot(user, item) + userBias + itemBias}. Produced by
 * {@link HybridTrainer}; loaded with {@link #load(Path)}.
 *
 * <p>Recommendations exclude the items the user interacted with in training unless the query says otherwise;
 * {@code useItemBias == false} ranks without item biases (less popularity-driven). Scores are comparable between
 * items of one user; across users only their order means something.
 *
 * <p>Immutable and thread-safe: any number of threads may score and recommend concurrently.
 */
public final class HybridModel implements HybridRecommender {
    /** The model-file kind. */
    public static final String KIND = "finrec.hybrid";

    private final HybridConfig config;
    final FeatureSpace users;
    final FeatureSpace items;
    final FactorParams up;
    final FactorParams ip;
    final KnownItems known;
    private final long epochsTrained;
    private final Provenance provenance;
    private final ScoringKernel kernel;

    HybridModel(HybridConfig config, FeatureSpace users, FeatureSpace items, FactorParams up, FactorParams ip,
                KnownItems known, long epochsTrained, Provenance provenance) {
        this.config = config;
        this.users = users;
        this.items = items;
        this.up = up;
        this.ip = ip;
        this.known = known;
        this.epochsTrained = epochsTrained;
        this.provenance = provenance;
        this.kernel = new ScoringKernel(config.components(), users, items, up, ip);
    }

    /** Loads a model saved by {@link #save(Path)}; corrupt, truncated or incompatible files raise
     * {@link io.finrec.api.model.ModelFormatException}. */
    public static HybridModel load(Path file) throws IOException {
        return HybridModelFile.read(file);
    }

    /** The hyper-parameters it was trained with. */
    public HybridConfig config() {
        return config;
    }

    /** Epochs trained in total (across {@code fit} and {@code fitPartial} calls). */
    public long epochsTrained() {
        return epochsTrained;
    }

    /** Where the model came from. */
    public Provenance provenance() {
        return provenance;
    }

    /** The scoring kernel (allocation-free, bit-identical to {@link #score} and {@link #recommend}). */
    public ScoringKernel kernel() {
        return kernel;
    }

    @Override
    public int components() {
        return config.components();
    }

    @Override
    public List<String> userIds() {
        return users.ids;
    }

    @Override
    public List<String> itemIds() {
        return items.ids;
    }

    @Override
    public List<String> userFeatureNames() {
        return users.names;
    }

    @Override
    public List<String> itemFeatureNames() {
        return items.names;
    }

    @Override
    public boolean knowsUser(String userId) {
        return users.index.containsKey(userId);
    }

    @Override
    public boolean knowsItem(String itemId) {
        return items.index.containsKey(itemId);
    }

    private int user(String userId) {
        Objects.requireNonNull(userId, "userId");
        return users.ordinal(userId, UnknownIdException.Kind.USER);
    }

    private int item(String itemId) {
        Objects.requireNonNull(itemId, "itemId");
        return items.ordinal(itemId, UnknownIdException.Kind.ITEM);
    }

    private float[] userRepr(int u) {
        float[] r = new float[components() + 1];
        kernel.userRepresentation(u, r);
        return r;
    }

    @Override
    public double score(String userId, String itemId) {
        return kernel.score(userRepr(user(userId)), item(itemId));
    }

    @Override
    public void scoreAllItems(String userId, float[] out) {
        Objects.requireNonNull(out, "out");
        if (out.length < items.size())
            throw new IllegalArgumentException("out: length " + out.length + " < " + items.size() + " items");
        kernel.scoreAll(userRepr(user(userId)), true, out);
    }

    @Override
    public List<RecommendedItem> recommend(String userId, RecommendQuery query) {
        Objects.requireNonNull(query, "query");
        int u = user(userId);
        return rank(userRepr(u), u, query, new float[items.size()]);
    }

    private List<RecommendedItem> rank(float[] repr, int u, RecommendQuery query, float[] scores) {
        kernel.scoreAll(repr, query.useItemBias(), scores);
        if (u < 0) return Ranker.rank(scores, items.ids, items.index, known.items, 0, 0, query);
        return Ranker.rank(scores, items.ids, items.index, known.items, known.ptr[u], known.ptr[u + 1], query);
    }

    /**
     * Streams top-k lists for every user with {@code threads} workers. Each worker takes users four at a time and
     * scores them in one pass over the item matrix ({@link ScoringKernel#scoreBlock}), then ranks each with a
     * bounded heap (memory: four {@code float[items]} per worker); the lists equal {@link #recommend}'s.
     */
    @Override
    public void recommendAll(RecommendQuery query, int threads, BiConsumer<String, List<RecommendedItem>> sink) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sink, "sink");
        if (threads < 1) throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        AtomicInteger next = new AtomicInteger();
        int block = 4;
        Runnable work = () -> {
            float[][] repr = new float[block][components() + 1];
            float[][] scores = new float[block][items.size()];
            int n = users.size();
            for (int u0 = next.getAndAdd(block); u0 < n; u0 = next.getAndAdd(block)) {
                int count = Math.min(block, n - u0);
                for (int b = 0; b < count; b++) kernel.userRepresentation(u0 + b, repr[b]);
                kernel.scoreBlock(repr, count, query.useItemBias(), scores);
                for (int b = 0; b < count; b++) {
                    int u = u0 + b;
                    sink.accept(users.ids.get(u), Ranker.rank(scores[b], items.ids, items.index, known.items,
                            known.ptr[u], known.ptr[u + 1], query));
                }
            }
        };
        io.finrec.recsys.Parallel.run(threads, "recommend-all", work);
    }

    @Override
    public List<RecommendedItem> recommendForFeatures(Map<String, Double> userFeatures, RecommendQuery query) {
        Objects.requireNonNull(query, "query");
        float[] repr = namedRepr(users, up, userFeatures, UnknownIdException.Kind.USER_FEATURE);
        return rank(repr, -1, query, new float[items.size()]);
    }

    @Override
    public double scoreNewItem(String userId, Map<String, Double> itemFeatures) {
        float[] u = userRepr(user(userId));
        float[] it = namedRepr(items, ip, itemFeatures, UnknownIdException.Kind.ITEM_FEATURE);
        int k = components();
        float s = u[k] + it[k];
        for (int j = 0; j < k; j++) s += u[j] * it[j];
        return s;
    }

    @Override
    public Representations.Vector representUser(Map<String, Double> userFeatures) {
        return vector(namedRepr(users, up, userFeatures, UnknownIdException.Kind.USER_FEATURE));
    }

    @Override
    public Representations.Vector representItem(Map<String, Double> itemFeatures) {
        return vector(namedRepr(items, ip, itemFeatures, UnknownIdException.Kind.ITEM_FEATURE));
    }

    private Representations.Vector vector(float[] repr) {
        return new Representations.Vector(Arrays.copyOf(repr, components()), repr[components()]);
    }

    private float[] namedRepr(FeatureSpace space, FactorParams fp, Map<String, Double> named,
                              UnknownIdException.Kind kind) {
        return addNamed(space, fp, named, kind, new float[components() + 1]);
    }

    /** Adds the weighted embeddings and biases of named features to {@code out}, in the map's order. */
    private float[] addNamed(FeatureSpace space, FactorParams fp, Map<String, Double> named,
                             UnknownIdException.Kind kind, float[] out) {
        Objects.requireNonNull(named, "features");
        int[] f = new int[named.size()];
        float[] w = new float[named.size()];
        space.resolve(named, kind, f, w);
        int k = components();
        for (int q = 0; q < f.length; q++) {
            int off = f[q] * k;
            for (int j = 0; j < k; j++) out[j] += w[q] * fp.emb[off + j];
            out[k] += w[q] * fp.bias[f[q]];
        }
        return out;
    }

    @Override
    public Representations userRepresentations() {
        int k = components();
        float[] v = new float[users.size() * k];
        float[] b = new float[users.size()];
        float[] r = new float[k + 1];
        for (int u = 0; u < users.size(); u++) {
            kernel.userRepresentation(u, r);
            System.arraycopy(r, 0, v, u * k, k);
            b[u] = r[k];
        }
        return new Representations(users.ids, k, v, b);
    }

    @Override
    public Representations itemRepresentations() {
        return new Representations(items.ids, components(), kernel.itemVectors(), kernel.itemBiases());
    }

    /**
     * Explains a score. The score decomposes exactly as
     * {@code sum_f sum_g w_f w_g <e_f, e_g> + sum_f w_f b_f + sum_g w_g b_g} over user features {@code f} and item
     * features {@code g}; each user feature is credited {@code w_f (<e_f, item> / 2 + b_f)} and each item feature
     * {@code w_g (<user, e_g> / 2 + b_g)}, so the contributions sum to the score (the interaction term is split
     * evenly between the two sides). Identity features are named by the user or item id. History items are the
     * user's positive training items ranked by cosine similarity of item representations.
     */
    @Override
    public Explanation explain(String userId, String itemId, int limit) {
        checkLimit(limit);
        int u = user(userId);
        int i = item(itemId);
        int n = users.rowPtr[u + 1] - users.rowPtr[u];
        String[] labels = new String[n];
        float[][] vecs = new float[n][];
        int[] offs = new int[n];
        float[] biases = new float[n];
        float[] ws = new float[n];
        for (int q = users.rowPtr[u], x = 0; q < users.rowPtr[u + 1]; q++, x++) {
            int f = users.rowFeat[q];
            labels[x] = users.label(f, u);
            vecs[x] = up.emb;
            offs[x] = f * components();
            biases[x] = up.bias[f];
            ws[x] = users.rowW[q];
        }
        int[] history = new int[known.ptr[u + 1] - known.ptr[u]];
        int h = 0;
        for (int q = known.ptr[u]; q < known.ptr[u + 1]; q++) if (known.values[q] > 0) history[h++] = known.items[q];
        return explain(userId, userRepr(u), labels, vecs, offs, biases, ws, i, Arrays.copyOf(history, h), limit);
    }

    /**
     * {@link #explain} for a user given as {@link #recommendFor}'s base representation plus named features (a
     * customer scored away from this model's user table, e.g. on Spark). The base counts as one feature labelled
     * {@code userLabel}; {@code history} lists the items the customer holds (unknown ids are ignored). For a known
     * user, with the base from {@link #userIdentityVectors()}, the user's named features in training order and their
     * positive training items as history, the result equals {@code explain(userId, itemId, limit)}.
     */
    public Explanation explainFor(String userLabel, Representations.Vector base, Map<String, Double> userFeatures,
                                  String itemId, java.util.Collection<String> history, int limit) {
        checkLimit(limit);
        Objects.requireNonNull(userLabel, "userLabel");
        Objects.requireNonNull(history, "history");
        int i = item(itemId);
        int k = components();
        float[] repr = baseRepr(base);
        Map<String, Double> named = Objects.requireNonNull(userFeatures, "userFeatures");
        int n = named.size() + (base == null ? 0 : 1);
        String[] labels = new String[n];
        float[][] vecs = new float[n][];
        int[] offs = new int[n];
        float[] biases = new float[n];
        float[] ws = new float[n];
        int x = 0;
        if (base != null) {
            labels[0] = userLabel;
            vecs[0] = base.vector();
            biases[0] = base.bias();
            ws[0] = 1f;
            x = 1;
        }
        int[] f = new int[named.size()];
        float[] w = new float[named.size()];
        users.resolve(named, UnknownIdException.Kind.USER_FEATURE, f, w);
        int q = 0;
        for (String name : named.keySet()) {
            labels[x] = name;
            vecs[x] = up.emb;
            offs[x] = f[q] * k;
            biases[x] = up.bias[f[q]];
            ws[x++] = w[q++];
        }
        addNamed(users, up, named, UnknownIdException.Kind.USER_FEATURE, repr);
        int[] hist = new int[history.size()];
        int h = 0;
        for (String id : history) {
            Integer o = items.index.get(id);
            if (o != null) hist[h++] = o;
        }
        hist = Arrays.stream(hist, 0, h).sorted().distinct().toArray();
        return explain(userLabel, repr, labels, vecs, offs, biases, ws, i, hist, limit);
    }

    /**
     * The explanation core: user-side contributions from the given feature rows ({@code vecs[x]} at {@code offs[x]},
     * bias, weight), item-side ones from the item's features, and the most similar history items.
     */
    private Explanation explain(String userLabel, float[] ur, String[] labels, float[][] vecs, int[] offs,
                                float[] biases, float[] ws, int i, int[] history, int limit) {
        int k = components();
        float[] ir = new float[k];
        kernel.itemVector(i, ir);
        List<Explanation.Contribution> contributions = new ArrayList<>();
        for (int x = 0; x < labels.length; x++) {
            double dot = 0;
            for (int j = 0; j < k; j++) dot += (double) vecs[x][offs[x] + j] * ir[j];
            contributions.add(new Explanation.Contribution("user", labels[x], ws[x] * (dot / 2 + biases[x])));
        }
        for (int q = items.rowPtr[i]; q < items.rowPtr[i + 1]; q++) {
            int g = items.rowFeat[q];
            double dot = 0;
            for (int j = 0; j < k; j++) dot += (double) ur[j] * ip.emb[g * k + j];
            contributions.add(new Explanation.Contribution("item", items.label(g, i),
                    items.rowW[q] * (dot / 2 + ip.bias[g])));
        }
        contributions.sort(Comparator.comparingDouble((Explanation.Contribution c) -> -Math.abs(c.value())));
        if (contributions.size() > limit) contributions = contributions.subList(0, limit);

        TopK heap = new TopK(limit);
        double in = norm(ir, 0, k);
        float[] hv = new float[k];
        for (int h : history) {
            if (h == i) continue;
            kernel.itemVector(h, hv);
            double d = 0;
            for (int j = 0; j < k; j++) d += (double) hv[j] * ir[j];
            double hn = norm(hv, 0, k);
            heap.offer(h, (float) (hn == 0 || in == 0 ? 0 : d / (hn * in)));
        }
        List<Explanation.Contribution> similar = new ArrayList<>();
        for (RecommendedItem r : heap.drain(items.ids))
            similar.add(new Explanation.Contribution("history", r.itemId(), r.score()));
        return new Explanation(userLabel, items.ids.get(i), kernel.score(ur, i), contributions, similar);
    }

    private static void checkLimit(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit: must be >= 1, was " + limit);
    }

    private static double norm(float[] v, int off, int k) {
        double s = 0;
        for (int j = 0; j < k; j++) s += (double) v[off + j] * v[off + j];
        return Math.sqrt(s);
    }

    /**
     * Identity-feature representations of the users that have one (row {@code r}: that user's identity embedding and
     * bias), for engines that score customers away from this model's user table: pass a row as {@link #recommendFor}'s
     * base. Users without an identity feature are absent.
     */
    public Representations userIdentityVectors() {
        int k = components();
        List<String> ids = new ArrayList<>();
        int n = 0;
        for (int u = 0; u < users.size(); u++) if (users.identity[u] >= 0) n++;
        float[] v = new float[n * k];
        float[] b = new float[n];
        int r = 0;
        for (int u = 0; u < users.size(); u++) {
            int f = users.identity[u];
            if (f < 0) continue;
            ids.add(users.ids.get(u));
            System.arraycopy(up.emb, f * k, v, r * k, k);
            b[r++] = up.bias[f];
        }
        return new Representations(ids, k, v, b);
    }

    /**
     * Recommends for a user given as a base representation (or {@code null}) plus named features, summed in that
     * order with the model's own arithmetic: for a known user, {@code base} = their row of {@link #userIdentityVectors()},
     * {@code userFeatures} = their named features in training order and {@code query} excluding their known items
     * gives exactly {@code recommend(userId, query)}. Nothing is excluded beyond the query (there is no known user).
     * The entry point for remote scoring engines (Spark) that ship only the item side and named user features.
     */
    public List<RecommendedItem> recommendFor(Representations.Vector base, Map<String, Double> userFeatures,
                                              RecommendQuery query) {
        Objects.requireNonNull(query, "query");
        float[] repr = addNamed(users, up, userFeatures, UnknownIdException.Kind.USER_FEATURE, baseRepr(base));
        return rank(repr, -1, query, new float[items.size()]);
    }

    private float[] baseRepr(Representations.Vector base) {
        int k = components();
        float[] repr = new float[k + 1];
        if (base == null) return repr;
        float[] v = base.vector();
        if (v.length != k) throw new IllegalArgumentException("base: dimension " + v.length + " != " + k);
        // 0 + 1 * x, exactly as the kernel sums a weight-1 identity feature into a zeroed representation
        for (int j = 0; j < k; j++) repr[j] += 1f * v[j];
        repr[k] += 1f * base.bias();
        return repr;
    }

    /**
     * This model without its users: the item side and the named user-feature vocabulary with their embeddings, no
     * user ids, identity embeddings or training history. It scores customers given by features
     * ({@link #recommendFor}, {@link #recommendForFeatures}) exactly as this model does, and is small enough to ship
     * to every worker of a cluster (its size grows with the catalogue, not with the customer base).
     */
    public HybridModel withoutUsers() {
        int named = users.names.size();
        int[] nameFeature = new int[named];
        for (int n = 0; n < named; n++) nameFeature[n] = n;
        FeatureSpace none = new FeatureSpace(List.of(), new int[0], users.names, nameFeature, named, new int[1],
                new int[0], new float[0]);
        return new HybridModel(config, none, items, up.select(users.nameFeature), ip,
                new KnownItems(new int[1], new int[0], new float[0]), epochsTrained, provenance);
    }

    /** The items user {@code userId} interacted with in training (any value), by ordinal order. */
    public List<String> knownItems(String userId) {
        int u = user(userId);
        List<String> out = new ArrayList<>(known.ptr[u + 1] - known.ptr[u]);
        for (int q = known.ptr[u]; q < known.ptr[u + 1]; q++) out.add(items.ids.get(known.items[q]));
        return out;
    }

    @Override
    public void save(Path file) throws IOException {
        HybridModelFile.write(this, file);
    }

    @Override
    public long ramBytesUsed() {
        return 64 + users.ramBytesUsed() + items.ramBytesUsed() + up.ramBytesUsed() + ip.ramBytesUsed()
                + known.ramBytesUsed() + kernel.ramBytesUsed();
    }

    @Override
    public String toString() {
        return "HybridModel[" + users.size() + " users, " + items.size() + " items, " + components()
                + " components, " + config.loss() + ", " + epochsTrained + " epochs]";
    }
}
