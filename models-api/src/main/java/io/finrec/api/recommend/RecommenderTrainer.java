package io.finrec.api.recommend;

import io.finrec.api.progress.ProgressListener;

/**
 * Trains a {@link Recommender} from {@link TrainingData}. Trainers are stateless configuration holders (immutable
 * and thread-safe); every call returns a new model and never mutates a model it is given. Training reports progress
 * and stops with {@link io.finrec.api.progress.OperationCancelledException} when the listener cancels.
 *
 * @param <M> the model type
 */
public interface RecommenderTrainer<M extends Recommender> {
    /** Trains a new model from scratch. */
    M fit(TrainingData data, ProgressListener listener);

    /**
     * Continues training {@code model} on {@code data}, which may add new users, items and features, returning a new
     * model; the given model is unchanged.
     */
    M fitPartial(M model, TrainingData data, ProgressListener listener);
}
