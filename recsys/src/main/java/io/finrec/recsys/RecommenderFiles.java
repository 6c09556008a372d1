package io.finrec.recsys;

import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelFormatException;
import io.finrec.api.recommend.Recommender;
import io.finrec.recsys.cf.PopularityModel;
import io.finrec.recsys.cf.UserKnnModel;
import io.finrec.recsys.hybrid.HybridModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads any recommender this module saves, choosing the class from the file's kind through a fixed allow-list
 * (never from class names in the file). Stateless and thread-safe.
 */
public final class RecommenderFiles {
    private RecommenderFiles() {}

    /** Loads the recommender in {@code file}; unknown kinds raise {@link ModelFormatException}. */
    public static Recommender load(Path file) throws IOException {
        String kind = ModelFile.readHeader(file).kind();
        return switch (kind) {
            case HybridModel.KIND -> HybridModel.load(file);
            case UserKnnModel.KIND -> UserKnnModel.load(file);
            case PopularityModel.KIND -> PopularityModel.load(file);
            default -> throw new ModelFormatException(file, ModelFormatException.Reason.WRONG_KIND,
                    "holds a '" + kind + "' model, not a recommender");
        };
    }
}
