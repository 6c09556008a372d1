package io.finrec.recsys.spark.als;

import io.finrec.api.recommend.Interactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Fits Spark ML's implicit ALS on FinRec interactions and collects the factors into an {@link AlsModel}. Every
 * positive interaction (value {@code > 0}) becomes a rating of 1 (confidence {@code 1 + alpha}); non-positive ones
 * are left out, as implicit ALS has no negatives. Stateless and thread-safe.
 */
public final class SparkAls {
    private SparkAls() {}

    /** Trains on {@code train} (its ids are the model's catalogue and users). */
    public static AlsModel fit(SparkSession spark, Interactions train, AlsConfig config) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(config, "config");
        if (train.positiveCount() == 0)
            throw new IllegalArgumentException("interactions: ALS needs positive interactions (value > 0)");
        List<Row> rows = new ArrayList<>(train.positiveCount());
        for (int r = 0; r < train.size(); r++)
            if (train.value(r) > 0) rows.add(RowFactory.create(train.user(r), train.item(r), 1.0f));
        StructType schema = new StructType().add("user", DataTypes.IntegerType, false)
                .add("item", DataTypes.IntegerType, false).add("rating", DataTypes.FloatType, false);
        int slices = Math.max(2, spark.sparkContext().defaultParallelism());
        Dataset<Row> df = spark.createDataFrame(
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelize(rows, slices), schema).cache();
        try {
            ALSModel m = new ALS().setImplicitPrefs(true).setRank(config.rank()).setMaxIter(config.maxIter())
                    .setRegParam(config.regParam()).setAlpha(config.alpha()).setSeed(config.seed())
                    .setNumUserBlocks(config.blocks()).setNumItemBlocks(config.blocks())
                    .setUserCol("user").setItemCol("item").setRatingCol("rating").fit(df);
            float[] users = factors(m.userFactors(), train.userCount(), config.rank());
            float[] items = factors(m.itemFactors(), train.itemCount(), config.rank());
            return new AlsModel(train, config, users, items);
        } finally {
            df.unpersist();
        }
    }

    /** Row-major factors by ordinal; ids without factors (no positive interaction) stay zero vectors. */
    private static float[] factors(Dataset<Row> f, int n, int rank) {
        float[] out = new float[n * rank];
        for (Row r : f.collectAsList()) {
            int id = r.getInt(0);
            List<Float> v = r.getList(1);
            for (int j = 0; j < rank; j++) out[id * rank + j] = v.get(j);
        }
        return out;
    }
}
