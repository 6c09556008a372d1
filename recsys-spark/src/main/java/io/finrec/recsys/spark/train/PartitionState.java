package io.finrec.recsys.spark.train;

import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.TrainingData;
import java.io.Serializable;
import java.util.List;

/**
 * One user partition of a distributed training run: its interactions and user features (compact arrays, fixed for
 * the run) and its users' current parameters (replaced every round). Item ordinals index the run's catalogue.
 * Serializable so Spark may spill it; immutable.
 */
final class PartitionState implements Serializable {
    private static final long serialVersionUID = 1L;

    final int partition;
    final String[] users;
    final int[] u;
    final int[] i;
    final float[] v;
    final float[] w;
    /** User features as CSR over {@link #users}: names and weights. */
    final int[] fPtr;
    final String[] fNames;
    final float[] fWeights;
    /** The partition session's user-side parameters after the last round, or null before the first. */
    final float[][] userParams;
    /** Per user: the row of their identity feature in {@link #userParams}, or -1 (null before the first round). */
    final int[] identity;

    PartitionState(int partition, String[] users, int[] u, int[] i, float[] v, float[] w, int[] fPtr, String[] fNames,
                   float[] fWeights, float[][] userParams, int[] identity) {
        this.partition = partition;
        this.users = users;
        this.u = u;
        this.i = i;
        this.v = v;
        this.w = w;
        this.fPtr = fPtr;
        this.fNames = fNames;
        this.fWeights = fWeights;
        this.userParams = userParams;
        this.identity = identity;
    }

    PartitionState withUserParams(float[][] params, int[] identityRows) {
        return new PartitionState(partition, users, u, i, v, w, fPtr, fNames, fWeights, params, identityRows);
    }

    /** The partition's training data: every catalogue item declared in catalogue order, then its interactions. */
    TrainingData trainingData(List<String> catalogue, FeatureMatrix itemFeatures) {
        Interactions.Builder b = Interactions.builder();
        for (String item : catalogue) b.item(item);
        for (String user : users) b.user(user);
        for (int r = 0; r < u.length; r++) b.add(users[u[r]], catalogue.get(i[r]), v[r], w[r]);
        FeatureMatrix.Builder f = FeatureMatrix.builder();
        for (int x = 0; x < users.length; x++)
            for (int q = fPtr[x]; q < fPtr[x + 1]; q++) f.add(users[x], fNames[q], fWeights[q]);
        return new TrainingData(b.build(), f.build(), itemFeatures);
    }
}
