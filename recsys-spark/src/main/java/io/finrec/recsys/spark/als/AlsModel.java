package io.finrec.recsys.spark.als;

import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelFormatException;
import io.finrec.api.model.ModelHeader;
import io.finrec.api.model.Payloads;
import io.finrec.api.model.Provenance;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Recommender;
import io.finrec.api.recommend.UnknownIdException;
import io.finrec.recsys.rank.Ranker;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An implicit-ALS model collected from Spark: {@code score = dot(userFactors, itemFactors)}. Users and items with no
 * positive training interaction have zero factors (score 0). Recommendations exclude the user's training items by
 * default, like every FinRec recommender. Immutable and thread-safe.
 */
public final class AlsModel implements Recommender {
    /** The model-file kind. */
    public static final String KIND = "finrec.spark-als";

    private final List<String> userIds;
    private final List<String> itemIds;
    private final Map<String, Integer> userIndex;
    private final Map<String, Integer> itemIndex;
    private final AlsConfig config;
    private final float[] users;
    private final float[] items;
    private final int[] knownPtr;
    private final int[] known;

    private AlsModel(List<String> userIds, List<String> itemIds, AlsConfig config, float[] users, float[] items,
                     int[] knownPtr, int[] known) {
        this.userIds = List.copyOf(userIds);
        this.itemIds = List.copyOf(itemIds);
        this.userIndex = index(this.userIds);
        this.itemIndex = index(this.itemIds);
        this.config = config;
        this.users = users;
        this.items = items;
        this.knownPtr = knownPtr;
        this.known = known;
    }

    /** Loads a model saved by {@link #save}; corrupt or inconsistent files raise {@link ModelFormatException}. */
    public static AlsModel load(Path file) throws IOException {
        try (ModelFile.Reader r = ModelFile.open(file, KIND, 1, 1)) {
            var meta = r.header().metadata();
            AlsConfig c;
            try {
                c = new AlsConfig(meta.path("rank").asInt(), meta.path("regParam").asDouble(),
                        meta.path("alpha").asDouble(), meta.path("maxIter").asInt(), meta.path("blocks").asInt(),
                        meta.path("seed").asLong());
            } catch (IllegalArgumentException e) {
                throw r.invalid("metadata: " + e.getMessage());
            }
            DataInputStream in = r.payload();
            try {
                List<String> u = Payloads.readStrings(in, Integer.MAX_VALUE - 8, "userIds");
                List<String> i = Payloads.readStrings(in, Integer.MAX_VALUE - 8, "itemIds");
                float[] uf = Payloads.readFloats(in, Integer.MAX_VALUE - 8, "userFactors");
                float[] itf = Payloads.readFloats(in, Integer.MAX_VALUE - 8, "itemFactors");
                int[] ptr = Payloads.readInts(in, Integer.MAX_VALUE - 8, "known.ptr");
                int[] kn = Payloads.readInts(in, Integer.MAX_VALUE - 8, "known.items");
                r.expectEnd();
                if (uf.length != (long) u.size() * c.rank() || itf.length != (long) i.size() * c.rank())
                    throw r.invalid("factors: lengths do not match " + u.size() + "/" + i.size() + " x rank " + c.rank());
                if (ptr.length != u.size() + 1 || ptr[0] != 0 || ptr[u.size()] != kn.length)
                    throw r.invalid("known: pointers do not span " + kn.length + " entries");
                for (int x = 0; x < u.size(); x++) if (ptr[x + 1] < ptr[x]) throw r.invalid("known: pointers decrease");
                for (int v : kn) if (v < 0 || v >= i.size()) throw r.invalid("known.items: ordinal " + v + " out of range");
                for (float v : uf) if (!Float.isFinite(v)) throw r.invalid("userFactors: non-finite value");
                for (float v : itf) if (!Float.isFinite(v)) throw r.invalid("itemFactors: non-finite value");
                return new AlsModel(u, i, c, uf, itf, ptr, kn);
            } catch (java.io.EOFException e) {
                throw new ModelFormatException(file, ModelFormatException.Reason.TRUNCATED,
                        "payload ends early: " + e.getMessage(), e);
            }
        }
    }

    AlsModel(Interactions train, AlsConfig config, float[] users, float[] items) {
        this.userIds = train.userIds();
        this.itemIds = train.itemIds();
        this.userIndex = index(userIds);
        this.itemIndex = index(itemIds);
        this.config = config;
        this.users = users;
        this.items = items;
        long[] keys = new long[train.size()];
        for (int r = 0; r < keys.length; r++) keys[r] = ((long) train.user(r) << 32) | train.item(r);
        Arrays.sort(keys);
        int[] ptr = new int[userIds.size() + 1];
        int[] it = new int[keys.length];
        int m = 0;
        for (int q = 0; q < keys.length; q++) {
            if (q > 0 && keys[q] == keys[q - 1]) continue;
            it[m++] = (int) keys[q];
            ptr[(int) (keys[q] >>> 32) + 1]++;
        }
        for (int u = 0; u < userIds.size(); u++) ptr[u + 1] += ptr[u];
        this.knownPtr = ptr;
        this.known = Arrays.copyOf(it, m);
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> m = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) m.put(ids.get(i), i);
        return m;
    }

    /** The hyper-parameters. */
    public AlsConfig config() {
        return config;
    }

    @Override
    public List<String> userIds() {
        return userIds;
    }

    @Override
    public List<String> itemIds() {
        return itemIds;
    }

    @Override
    public boolean knowsUser(String userId) {
        return userIndex.containsKey(userId);
    }

    @Override
    public boolean knowsItem(String itemId) {
        return itemIndex.containsKey(itemId);
    }

    private int user(String id) {
        Integer u = userIndex.get(Objects.requireNonNull(id, "userId"));
        if (u == null) throw new UnknownIdException(UnknownIdException.Kind.USER, id);
        return u;
    }

    @Override
    public double score(String userId, String itemId) {
        int u = user(userId);
        Integer i = itemIndex.get(Objects.requireNonNull(itemId, "itemId"));
        if (i == null) throw new UnknownIdException(UnknownIdException.Kind.ITEM, itemId);
        int k = config.rank();
        float s = 0;
        for (int j = 0; j < k; j++) s += users[u * k + j] * items[i * k + j];
        return s;
    }

    @Override
    public void scoreAllItems(String userId, float[] out) {
        Objects.requireNonNull(out, "out");
        if (out.length < itemIds.size())
            throw new IllegalArgumentException("out: length " + out.length + " < " + itemIds.size() + " items");
        scores(user(userId), out);
    }

    private void scores(int u, float[] out) {
        int k = config.rank();
        for (int i = 0; i < itemIds.size(); i++) {
            float s = 0;
            for (int j = 0; j < k; j++) s += users[u * k + j] * items[i * k + j];
            out[i] = s;
        }
    }

    @Override
    public List<RecommendedItem> recommend(String userId, RecommendQuery query) {
        Objects.requireNonNull(query, "query");
        int u = user(userId);
        float[] s = new float[itemIds.size()];
        scores(u, s);
        return Ranker.rank(s, itemIds, itemIndex, known, knownPtr[u], knownPtr[u + 1], query);
    }

    /** Saves ids, factors and training items in FinRec's model-file format (kind {@value #KIND}); see {@link #load}. */
    @Override
    public void save(Path file) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("rank", config.rank());
        meta.put("regParam", config.regParam());
        meta.put("alpha", config.alpha());
        meta.put("maxIter", config.maxIter());
        meta.put("blocks", config.blocks());
        meta.put("seed", config.seed());
        ModelHeader h = new ModelHeader(KIND, 1, ModelFile.metadata(meta),
                Provenance.now(config.seed(), 1, "", Map.of("trainer", "SparkAls")));
        ModelFile.write(file, h, out -> {
            Payloads.writeStrings(out, userIds);
            Payloads.writeStrings(out, itemIds);
            Payloads.writeFloats(out, users);
            Payloads.writeFloats(out, items);
            Payloads.writeInts(out, knownPtr);
            Payloads.writeInts(out, known);
        });
    }

    @Override
    public long ramBytesUsed() {
        return 4L * (users.length + items.length + knownPtr.length + known.length) + 112L * (userIds.size()
                + itemIds.size()) + 256;
    }

    @Override
    public String toString() {
        return "AlsModel[" + userIds.size() + " users, " + itemIds.size() + " items, rank " + config.rank() + "]";
    }
}
