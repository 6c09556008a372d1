package io.finrec.api.recommend;

import io.finrec.api.progress.ProgressListener;

/**
 * Trains a {@link Recommender} from interactions. Trainers are stateless configuration holders (immutable and
 * thread-safe); every call returns a new model and never mutates a model it is given.
 *
 * @param <M> the model type
 */
public interface RecommenderTrainer<M extends Recommender> {
    /** Trains a new model from scratch. */
    M fit(Interactions data, ProgressListener listener);

    /**
     * Continues training {@code model} on {@code data} (which may add new users and items), returning a new model;
     * the given model is unchanged.
     */
    M fitPartial(M model, Interactions data, ProgressListener listener);
}
