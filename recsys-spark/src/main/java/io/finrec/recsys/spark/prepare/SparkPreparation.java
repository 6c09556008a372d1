package io.finrec.recsys.spark.prepare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Bank tables as Spark DataFrames to training inputs, with the rules of {@link BankFeatures} (identical results to
 * {@link LocalPreparation}). Tables use FinRec's bank schema column names ({@code customers}: id, age,
 * annual_income, segment, risk_profile, region; {@code accounts}: id, customer_id, product_id, opened;
 * {@code transactions}: customer_id, amount, category; {@code interactions}: customer_id, product_id, weight, time;
 * {@code products}: id, type, risk_level), as read from the bank's CSV/JSONL files (strings) or typed. Records naming
 * a customer or product missing from its table fail the preparation, naming the table and the id. Stateless and
 * thread-safe.
 */
public final class SparkPreparation {
    private SparkPreparation() {}

    /** Prepares the inputs (lazily: the DataFrames of the result are computed when written or collected). */
    public static PreparedData prepare(Dataset<Row> customers, Dataset<Row> accounts, Dataset<Row> transactions,
                                       Dataset<Row> interactions, Dataset<Row> products) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(products, "products");
        SparkSession spark = customers.sparkSession();
        require(customers, "customers", "id", "age", "annual_income", "segment", "risk_profile");
        require(products, "products", "id", "type", "risk_level");
        require(accounts, "accounts", "customer_id", "product_id", "opened");
        require(transactions, "transactions", "customer_id", "amount", "category");
        require(interactions, "interactions", "customer_id", "product_id", "weight", "time");

        Dataset<Row> users = customers.select(col("id").cast("string").as("user"));
        Dataset<Row> items = products.select(col("id").cast("string").as("item"));
        unique(users, "user", "customers");
        unique(items, "item", "products");

        Column region = has(customers, "region") ? col("region").cast("string") : lit(null).cast("string");
        JavaRDD<Row> attrs = customers.select(col("id").cast("string"), col("age").cast("int"),
                        col("annual_income").cast("string"), col("segment").cast("string"),
                        col("risk_profile").cast("string"), region).javaRDD()
                .flatMap(r -> {
                    String id = r.getString(0);
                    if (r.isNullAt(1) || r.isNullAt(2) || r.isNullAt(3) || r.isNullAt(4))
                        throw new IllegalArgumentException("customers: customer '" + id
                                + "' lacks age, annual_income, segment or risk_profile");
                    List<Row> out = new ArrayList<>();
                    int p = 0;
                    for (BankFeatures.Feature f : BankFeatures.customer(r.getInt(1), decimal(r.getString(2), id,
                            "annual_income"), r.getString(3), r.getString(4), r.getString(5)))
                        out.add(RowFactory.create(id, f.name(), f.weight(), p++));
                    return out.iterator();
                });
        Dataset<Row> debits = transactions
                .select(col("customer_id").cast("string").as("user"), col("category").cast("string").as("category"),
                        col("amount").cast("decimal(38,10)").as("amount"))
                .where(col("amount").lt(0).and(col("category").isNotNull()));
        known(debits, users, "user", "transactions", "customer");
        JavaRDD<Row> spend = debits.groupBy("user", "category").agg(sum(col("amount").multiply(-1)).as("spent"))
                .groupBy("user").agg(collect_list(struct(col("category"), col("spent"))).as("spent")).javaRDD()
                .flatMap(r -> {
                    Map<String, BigDecimal> m = new HashMap<>();
                    for (Row e : r.<Row>getList(1)) m.put(e.getString(0), e.getDecimal(1));
                    List<Row> out = new ArrayList<>();
                    int p = 100;
                    for (BankFeatures.Feature f : BankFeatures.spending(m))
                        out.add(RowFactory.create(r.getString(0), f.name(), f.weight(), p++));
                    return out.iterator();
                });
        StructType featureSchema = new StructType().add("entity", DataTypes.StringType, false)
                .add("feature", DataTypes.StringType, false).add("weight", DataTypes.DoubleType, false)
                .add("position", DataTypes.IntegerType, false);
        Dataset<Row> userFeatures = spark.createDataFrame(attrs.union(spend), featureSchema)
                .withColumnRenamed("entity", "user");

        JavaRDD<Row> itemRows = products.select(col("id").cast("string"), col("type").cast("string"),
                col("risk_level").cast("int")).javaRDD().flatMap(r -> {
                    if (r.isNullAt(1) || r.isNullAt(2))
                        throw new IllegalArgumentException("products: product '" + r.getString(0)
                                + "' lacks type or risk_level");
                    List<Row> out = new ArrayList<>();
                    int p = 0;
                    for (BankFeatures.Feature f : BankFeatures.product(r.getString(1), r.getInt(2)))
                        out.add(RowFactory.create(r.getString(0), f.name(), f.weight(), p++));
                    return out.iterator();
                });
        Dataset<Row> itemFeatures = spark.createDataFrame(itemRows, featureSchema).withColumnRenamed("entity", "item");

        Dataset<Row> holdings = accounts.where(col("product_id").isNotNull())
                .select(col("customer_id").cast("string").as("user"), col("product_id").cast("string").as("item"),
                        lit(true).as("held"), lit(0.0).as("weight"), epochSeconds(accounts, "opened", true).as("time"));
        Dataset<Row> events = interactions.select(col("customer_id").cast("string").as("user"),
                col("product_id").cast("string").as("item"), lit(false).as("held"),
                col("weight").cast("double").as("weight"), epochSeconds(interactions, "time", false).as("time"));
        Dataset<Row> signals = holdings.unionByName(events);
        known(signals, users, "user", "accounts/interactions", "customer");
        known(signals, items, "item", "accounts/interactions", "product");
        JavaRDD<Row> pairs = signals.groupBy("user", "item")
                .agg(collect_list(struct(col("held"), col("weight"), col("time"))).as("s")).javaRDD()
                .map(r -> {
                    List<BankFeatures.Signal> s = new ArrayList<>();
                    for (Row e : r.<Row>getList(2)) {
                        if (e.isNullAt(1) || e.isNullAt(2))
                            throw new IllegalArgumentException("interactions: customer '" + r.getString(0)
                                    + "' product '" + r.getString(1) + "' has a missing weight or time");
                        s.add(new BankFeatures.Signal(e.getBoolean(0), e.getDouble(1), e.getLong(2)));
                    }
                    double[] v = BankFeatures.value(s);
                    return RowFactory.create(r.getString(0), r.getString(1), v[0], 1.0, (long) v[1]);
                });
        Dataset<Row> matrix = spark.createDataFrame(pairs, PreparedData.INTERACTIONS);
        // computed once, reused by every write and collect
        Dataset<Row> attributes = customers.select(col("id").cast("string").as("customer_id"),
                col("age").cast("int").as("age"), col("annual_income").cast("string").as("annual_income"),
                col("segment").cast("string").as("segment"), col("risk_profile").cast("string").as("risk_profile"),
                region.as("region"));
        return new PreparedData(users.cache(), items.cache(), matrix.cache(), userFeatures.cache(), itemFeatures.cache(),
                attributes);
    }

    private static Column epochSeconds(Dataset<Row> df, String column, boolean date) {
        DataType t = df.schema().apply(column).dataType();
        if (t == DataTypes.TimestampType) return col(column).cast("long");
        if (t == DataTypes.DateType) return org.apache.spark.sql.functions.datediff(col(column),
                lit("1970-01-01").cast("date")).cast("long").multiply(86_400L);
        // strings as in the bank files (ISO dates / instants): parsed in Java, independent of the session time zone
        org.apache.spark.sql.expressions.UserDefinedFunction parse = org.apache.spark.sql.functions.udf(
                (org.apache.spark.sql.api.java.UDF1<String, Long>) s -> s == null ? null
                        : date ? LocalDate.parse(s.trim()).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                        : Instant.parse(s.trim()).getEpochSecond(), DataTypes.LongType);
        return parse.apply(col(column).cast("string"));
    }

    private static BigDecimal decimal(String s, String id, String field) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("customers: customer '" + id + "' " + field + " '" + s
                    + "' is not a number");
        }
    }

    private static boolean has(Dataset<Row> df, String column) {
        for (String f : df.columns()) if (f.equals(column)) return true;
        return false;
    }

    private static void require(Dataset<Row> df, String table, String... columns) {
        Objects.requireNonNull(df, table);
        for (String c : columns)
            if (!has(df, c)) throw new IllegalArgumentException(table + ": missing column '" + c + "'; columns are "
                    + List.of(df.columns()));
    }

    private static void unique(Dataset<Row> ids, String column, String table) {
        List<Row> dup = ids.groupBy(column).count().where(col("count").gt(1)).limit(1).collectAsList();
        if (!dup.isEmpty())
            throw new IllegalArgumentException(table + ": id '" + dup.get(0).getString(0) + "' appears twice");
        if (!ids.where(col(column).isNull()).limit(1).isEmpty())
            throw new IllegalArgumentException(table + ": a row has no id");
    }

    private static void known(Dataset<Row> refs, Dataset<Row> ids, String column, String table, String what) {
        List<Row> missing = refs.select(col(column)).join(ids, refs.col(column).equalTo(ids.col(column)), "left_anti")
                .limit(1).collectAsList();
        if (!missing.isEmpty())
            throw new IllegalArgumentException(table + ": a row names " + what + " '" + missing.get(0).get(0)
                    + "', which is not in the " + what + "s table");
    }
}
