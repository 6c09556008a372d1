package io.finrec.recsys.spark.prepare;

import static org.apache.spark.sql.functions.col;

import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.TrainingData;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Prepared training inputs as DataFrames: id maps ({@code users}: user, ordinal; {@code items}: item, ordinal, both
 * in id order), the interaction matrix ({@link #INTERACTIONS}), feature matrices in long form (entity, feature,
 * weight, position within the entity's row) and their vocabularies (feature, ordinal, in name order). {@link #write}
 * stores them as Parquet plus an {@code interactions.csv} the single-machine trainer reads
 * ({@code finrec recsys train --csv ...}); {@link #toTrainingData()} collects them for a trainer on the driver.
 * Immutable and thread-safe.
 */
public final class PreparedData {
    /** The interaction matrix: user, item, value (> 0 positive), weight, timestamp (epoch seconds). */
    public static final StructType INTERACTIONS = new StructType().add("user", DataTypes.StringType, false)
            .add("item", DataTypes.StringType, false).add("value", DataTypes.DoubleType, false)
            .add("weight", DataTypes.DoubleType, false).add("timestamp", DataTypes.LongType, false);

    private final Dataset<Row> users;
    private final Dataset<Row> items;
    private final Dataset<Row> interactions;
    private final Dataset<Row> userFeatures;
    private final Dataset<Row> itemFeatures;
    private final Dataset<Row> attributes;

    PreparedData(Dataset<Row> users, Dataset<Row> items, Dataset<Row> interactions, Dataset<Row> userFeatures,
                 Dataset<Row> itemFeatures, Dataset<Row> attributes) {
        this.users = ordinals(users, "user");
        this.items = ordinals(items, "item");
        this.interactions = interactions;
        this.userFeatures = userFeatures;
        this.itemFeatures = itemFeatures;
        this.attributes = attributes;
    }

    private static Dataset<Row> ordinals(Dataset<Row> ids, String column) {
        return ids.select(col(column), org.apache.spark.sql.functions.row_number()
                .over(org.apache.spark.sql.expressions.Window.orderBy(column)).minus(1).as("ordinal"));
    }

    /** Loads what {@link #write} stored. */
    public static PreparedData read(SparkSession spark, String dir) {
        Dataset<Row> customers = spark.read().parquet(dir + "/customers");
        return new PreparedData(spark.read().parquet(dir + "/users").select("user"),
                spark.read().parquet(dir + "/items").select("item"), spark.read().parquet(dir + "/interactions"),
                spark.read().parquet(dir + "/user_features"), spark.read().parquet(dir + "/item_features"),
                customers.select("customer_id", "age", "annual_income", "segment", "risk_profile", "region"));
    }

    /** User id map. */
    public Dataset<Row> users() { return users; }
    /** Item id map. */
    public Dataset<Row> items() { return items; }
    /** Interaction matrix. */
    public Dataset<Row> interactions() { return interactions; }
    /** User features (user, feature, weight, position). */
    public Dataset<Row> userFeatures() { return userFeatures; }
    /** Item features (item, feature, weight, position). */
    public Dataset<Row> itemFeatures() { return itemFeatures; }

    /**
     * The customers as {@link io.finrec.recsys.spark.score.SparkBatchScorer} reads them: {@code customer_id},
     * {@code features} (map in row order), {@code held} (every product in their interactions, by id: what
     * single-machine {@code recommend} excludes by default) and the eligibility attributes {@code age},
     * {@code annual_income}, {@code segment}, {@code risk_profile}, {@code region}.
     */
    public Dataset<Row> customers() {
        Dataset<Row> f = userFeatures.groupBy(col("user")).agg(org.apache.spark.sql.functions.expr(
                "map_from_entries(transform(array_sort(collect_list(struct(position, feature, weight))),"
                        + " x -> struct(x.feature, x.weight)))").as("features"));
        Dataset<Row> h = interactions.groupBy(col("user")).agg(org.apache.spark.sql.functions.expr(
                "array_sort(collect_list(item))").as("held"));
        Dataset<Row> a = attributes;
        return a.join(f, a.col("customer_id").equalTo(f.col("user")), "left_outer").drop("user")
                .join(h, a.col("customer_id").equalTo(h.col("user")), "left_outer").drop("user")
                .select(col("customer_id"), col("features"),
                        org.apache.spark.sql.functions.coalesce(col("held"),
                                org.apache.spark.sql.functions.expr("cast(array() as array<string>)")).as("held"),
                        col("age"), col("annual_income"), col("segment"), col("risk_profile"), col("region"));
    }

    /** User feature vocabulary (feature, ordinal). */
    public Dataset<Row> userVocabulary() {
        return ordinals(userFeatures.select("feature").distinct(), "feature");
    }

    /** Item feature vocabulary (feature, ordinal). */
    public Dataset<Row> itemVocabulary() {
        return ordinals(itemFeatures.select("feature").distinct(), "feature");
    }

    /**
     * Writes Parquet directories {@code users, items, interactions, user_features, item_features,
     * user_vocabulary, item_vocabulary, customers} under {@code dir}, plus {@code interactions.csv/} (one CSV part file with a
     * header: user,item,value,weight,timestamp).
     */
    public void write(String dir) {
        Objects.requireNonNull(dir, "dir");
        users.write().parquet(dir + "/users");
        items.write().parquet(dir + "/items");
        interactions.write().parquet(dir + "/interactions");
        userFeatures.write().parquet(dir + "/user_features");
        itemFeatures.write().parquet(dir + "/item_features");
        userVocabulary().write().parquet(dir + "/user_vocabulary");
        itemVocabulary().write().parquet(dir + "/item_vocabulary");
        customers().write().parquet(dir + "/customers");
        interactions.orderBy("user", "item").coalesce(1).write().option("header", "true").csv(dir + "/interactions.csv");
    }

    /**
     * Collects everything into {@link TrainingData} for a trainer on the driver: users and items declared in id
     * order, interactions in (user, item) order, vocabularies in name order, rows in position order. Equal to
     * {@link LocalPreparation}'s result for the same tables.
     */
    public TrainingData toTrainingData() {
        Interactions.Builder b = Interactions.builder();
        for (Row r : users.orderBy("ordinal").collectAsList()) b.user(r.getString(0));
        for (Row r : items.orderBy("ordinal").collectAsList()) b.item(r.getString(0));
        for (Row r : interactions.orderBy("user", "item").collectAsList())
            b.add(r.getString(0), r.getString(1), r.getDouble(2), r.getDouble(3), r.getLong(4));
        return new TrainingData(b.build(), features(userFeatures, "user", userVocabulary()),
                features(itemFeatures, "item", itemVocabulary()));
    }

    /** The catalogue: item ids in ordinal order (collected). */
    public List<String> catalogue() {
        return items.orderBy("ordinal").collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    /** The item feature matrix (collected; catalogue-sized). */
    public FeatureMatrix itemFeatureMatrix() {
        return features(itemFeatures, "item", itemVocabulary());
    }

    private static FeatureMatrix features(Dataset<Row> f, String entity, Dataset<Row> vocabulary) {
        FeatureMatrix.Builder b = FeatureMatrix.builder();
        for (Row r : vocabulary.orderBy("ordinal").collectAsList()) b.feature(r.getString(0));
        List<Row> rows = f.select(col(entity), col("feature"), col("weight"), col("position"))
                .orderBy(entity, "position").collectAsList();
        for (Row r : rows) b.add(r.getString(0), r.getString(1), r.getDouble(2));
        return b.build();
    }
}
