package io.finrec.recsys.cf;

import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelHeader;
import io.finrec.api.model.Payloads;
import io.finrec.api.model.Provenance;
import io.finrec.recsys.RamUsage;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * User-based collaborative filtering: the score of item {@code i} for user {@code u} is
 * {@code sum over u's neighbours v that interacted with i of sim(u, v) * w(v, i)}. Neighbourhoods (top-N by
 * similarity) are computed at training time by {@link UserKnnTrainer}. Users without neighbours score 0 for every
 * item. Scores of one user are comparable between items only. Recommendations exclude the user's known items unless
 * the query says otherwise; there are no item biases, so {@code useItemBias} has no effect.
 *
 * <p>Immutable and thread-safe.
 */
public final class UserKnnModel extends MatrixRecommender {
    /** The model-file kind. */
    public static final String KIND = "finrec.user-knn";
    static final int VERSION = 1;

    private final UserKnnTrainer.Config config;
    final int[] nPtr;
    final int[] nUsers;
    final float[] nSims;
    private final Provenance provenance;

    UserKnnModel(UserKnnTrainer.Config config, UserItemMatrix m, int[] nPtr, int[] nUsers, float[] nSims,
                 Provenance provenance) {
        super(m);
        this.config = config;
        this.nPtr = nPtr;
        this.nUsers = nUsers;
        this.nSims = nSims;
        this.provenance = provenance;
    }

    /** The settings it was trained with. */
    public UserKnnTrainer.Config config() {
        return config;
    }

    /** Where the model came from. */
    public Provenance provenance() {
        return provenance;
    }

    /** The neighbours of a user with their similarities, most similar first. */
    public Map<String, Double> neighbours(String userId) {
        int u = matrix.user(userId);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int q = nPtr[u]; q < nPtr[u + 1]; q++) out.put(matrix.userIds.get(nUsers[q]), (double) nSims[q]);
        return out;
    }

    @Override
    void scores(int u, float[] out) {
        Arrays.fill(out, 0, matrix.itemIds.size(), 0f);
        for (int q = nPtr[u]; q < nPtr[u + 1]; q++) {
            int v = nUsers[q];
            float s = nSims[q];
            for (int p = matrix.ptr[v]; p < matrix.ptr[v + 1]; p++) out[matrix.items[p]] += s * matrix.weights[p];
        }
    }

    @Override
    public void save(Path file) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("similarity", config.similarity().name());
        meta.put("neighbours", config.neighbours());
        meta.put("shrinkage", config.shrinkage());
        meta.put("useValues", config.useValues());
        ModelFile.write(file, new ModelHeader(KIND, VERSION, ModelFile.metadata(meta), provenance), out -> {
            matrix.write(out);
            Payloads.writeInts(out, nPtr);
            Payloads.writeInts(out, nUsers);
            Payloads.writeFloats(out, nSims);
        });
    }

    /** Loads a model written by {@link #save}. */
    public static UserKnnModel load(Path file) throws IOException {
        try (ModelFile.Reader r = ModelFile.open(file, KIND, 1, VERSION)) {
            var meta = r.header().metadata();
            UserKnnTrainer.Config c;
            try {
                c = new UserKnnTrainer.Config(Similarity.valueOf(meta.path("similarity").asText()),
                        meta.path("neighbours").asInt(), meta.path("shrinkage").asDouble(),
                        meta.path("useValues").asBoolean(), 1);
            } catch (IllegalArgumentException e) {
                throw r.invalid("metadata: " + e.getMessage());
            }
            DataInputStream in = r.payload();
            UserItemMatrix m = UserItemMatrix.read(r, in);
            int[] ptr = Payloads.readInts(in, m.userIds.size() + 1, "neighbours.ptr");
            int[] nu = Payloads.readInts(in, Integer.MAX_VALUE - 8, "neighbours.users");
            float[] ns = Payloads.readFloats(in, Integer.MAX_VALUE - 8, "neighbours.similarities");
            if (ptr.length != m.userIds.size() + 1 || ptr[0] != 0 || ptr[ptr.length - 1] != nu.length
                    || ns.length != nu.length)
                throw r.invalid("neighbours: arrays do not match " + m.userIds.size() + " users");
            for (int v : nu) if (v < 0 || v >= m.userIds.size()) throw r.invalid("neighbours: user " + v + " out of range");
            for (float s : ns) if (!Float.isFinite(s)) throw r.invalid("neighbours: non-finite similarity");
            r.expectEnd();
            return new UserKnnModel(c, m, ptr, nu, ns, r.header().provenance());
        }
    }

    @Override
    public long ramBytesUsed() {
        return 64 + matrix.ramBytesUsed() + RamUsage.ints(nPtr.length) + RamUsage.ints(nUsers.length)
                + RamUsage.ints(nSims.length);
    }
}
