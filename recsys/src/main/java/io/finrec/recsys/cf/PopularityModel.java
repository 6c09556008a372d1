package io.finrec.recsys.cf;

import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelHeader;
import io.finrec.api.model.Provenance;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.recommend.RecommenderTrainer;
import io.finrec.api.recommend.TrainingData;
import io.finrec.recsys.RamUsage;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The popularity baseline: every user gets the items with the largest summed weight of positive interactions,
 * minus the items they already have. Scores are the same for every user (comparable across users).
 * {@link #trainer()} builds it; {@code fitPartial} recounts on the union of old and new interactions. Immutable and
 * thread-safe.
 */
public final class PopularityModel extends MatrixRecommender {
    /** The model-file kind. */
    public static final String KIND = "finrec.popularity";
    static final int VERSION = 1;

    private final float[] popularity;
    private final Provenance provenance;

    PopularityModel(UserItemMatrix m, Provenance provenance) {
        super(m);
        this.provenance = provenance;
        this.popularity = new float[m.itemIds.size()];
        for (int q = 0; q < m.items.length; q++) popularity[m.items[q]] += m.weights[q];
    }

    /** A trainer of popularity models. */
    public static RecommenderTrainer<PopularityModel> trainer() {
        return new RecommenderTrainer<>() {
            @Override
            public PopularityModel fit(TrainingData data, ProgressListener listener) {
                Objects.requireNonNull(data, "data");
                return new PopularityModel(UserItemMatrix.of(data.interactions(), false),
                        Provenance.now(0, 1, "", Map.of("trainer", "popularity")));
            }

            @Override
            public PopularityModel fitPartial(PopularityModel model, TrainingData data, ProgressListener listener) {
                Objects.requireNonNull(model, "model");
                var b = model.matrix.toBuilder();
                var add = data.interactions();
                for (String u : add.userIds()) b.user(u);
                for (String i : add.itemIds()) b.item(i);
                for (int r = 0; r < add.size(); r++)
                    if (add.value(r) > 0)
                        b.add(add.userIds().get(add.user(r)), add.itemIds().get(add.item(r)), 1.0, add.weight(r));
                return new PopularityModel(UserItemMatrix.of(b.build(), false),
                        Provenance.now(0, 1, "", Map.of("trainer", "popularity")));
            }
        };
    }

    @Override
    void scores(int u, float[] out) {
        System.arraycopy(popularity, 0, out, 0, popularity.length);
    }

    /** Summed positive weight of an item. */
    public double popularity(String itemId) {
        return popularity[matrix.item(itemId)];
    }

    @Override
    public void save(Path file) throws IOException {
        ModelFile.write(file, new ModelHeader(KIND, VERSION, ModelFile.metadata(Map.of()), provenance), matrix::write);
    }

    /** Loads a model written by {@link #save}. */
    public static PopularityModel load(Path file) throws IOException {
        try (ModelFile.Reader r = ModelFile.open(file, KIND, 1, VERSION)) {
            DataInputStream in = r.payload();
            UserItemMatrix m = UserItemMatrix.read(r, in);
            r.expectEnd();
            return new PopularityModel(m, r.header().provenance());
        }
    }

    @Override
    public long ramBytesUsed() {
        return 64 + matrix.ramBytesUsed() + RamUsage.ints(popularity.length);
    }
}
