package io.finrec.recsys.spark.score;

import io.finrec.api.recommend.Explanation;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Representations;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.RiskProfile;
import io.finrec.core.domain.Segment;
import io.finrec.recsys.hybrid.HybridModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

/**
 * Top-k recommendations for a DataFrame of customers with a FinRec hybrid model, on Spark.
 *
 * <pre>{@code
 * SparkBatchScorer scorer = SparkBatchScorer.of(HybridModel.load(Path.of("model.frm")));
 * Dataset<Row> top = scorer.topK(customers, ScoringOptions.builder().k(10).eligibility(rules).build());
 * top.write().parquet("recommendations.parquet");
 * }</pre>
 *
 * <p><b>Input columns</b> (others are ignored): {@value #CUSTOMER_ID} (string, required); {@value #FEATURES}
 * (optional: {@code map<string, number>}, {@code array<string>} meaning weight 1, a struct of numbers (a JSON object
 * as Spark reads it; null fields are absent features) or a string {@code "name=weight;name"}); {@value #HELD} (optional: {@code array<string>} or a {@code ;}-separated string of
 * held products, excluded from the recommendations); with eligibility rules also {@value #AGE},
 * {@value #ANNUAL_INCOME}, {@value #SEGMENT}, {@value #RISK_PROFILE} (name or level 1..5) and optionally
 * {@value #REGION}.
 *
 * <p><b>Output</b> ({@link #OUTPUT_SCHEMA}): {@code customer_id}, {@code items array<string>},
 * {@code scores array<float>}, {@code reasons array<array<struct<source, name, value>>>} (one list per item:
 * feature contributions, then similar held products).
 *
 * <p><b>How it runs.</b> The driver ships a users-free copy of the model ({@link HybridModel#withoutUsers()}: item
 * tables and named user-feature embeddings, in FinRec's checksummed model-file format) to every worker as one
 * broadcast; customers the model knows get their identity embedding by a join on {@code customer_id} (a
 * distributed table, never broadcast); each task builds its customers' representations from their features and
 * ranks them with the model's own code ({@link CustomerScorer}), so a customer given with the features and held
 * products the model was trained with gets exactly {@code model.recommend(id, query)}. Thread-safe; one instance
 * may run many jobs.
 */
public final class SparkBatchScorer {
    /** Customer id column. */
    public static final String CUSTOMER_ID = "customer_id";
    /** Named features column. */
    public static final String FEATURES = "features";
    /** Held products column. */
    public static final String HELD = "held";
    /** Age column (eligibility). */
    public static final String AGE = "age";
    /** Annual income column (eligibility). */
    public static final String ANNUAL_INCOME = "annual_income";
    /** Segment column (eligibility). */
    public static final String SEGMENT = "segment";
    /** Risk profile column (eligibility). */
    public static final String RISK_PROFILE = "risk_profile";
    /** Region column (optional). */
    public static final String REGION = "region";

    /** One contribution of a reason. */
    public static final StructType REASON = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("name", DataTypes.StringType, false)
            .add("value", DataTypes.DoubleType, false);

    /** The schema of {@link #topK}'s result. */
    public static final StructType OUTPUT_SCHEMA = new StructType()
            .add(CUSTOMER_ID, DataTypes.StringType, false)
            .add("items", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("scores", DataTypes.createArrayType(DataTypes.FloatType, false), false)
            .add("reasons", DataTypes.createArrayType(DataTypes.createArrayType(REASON, false), false), false);

    private static final String ID_VEC = "__finrec_identity";
    private static final String ID_BIAS = "__finrec_identity_bias";

    private final HybridModel model;
    private final byte[] leanModel;

    private SparkBatchScorer(HybridModel model, byte[] leanModel) {
        this.model = model;
        this.leanModel = leanModel;
    }

    /** A scorer for this model (its users-free copy is serialised once, here). */
    public static SparkBatchScorer of(HybridModel model) {
        Objects.requireNonNull(model, "model");
        try {
            Path tmp = Files.createTempFile("finrec-scoring-", ".model");
            try {
                model.withoutUsers().save(tmp);
                return new SparkBatchScorer(model, Files.readAllBytes(tmp));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialise the scoring model", e);
        }
    }

    /** The model. */
    public HybridModel model() {
        return model;
    }

    /** Bytes shipped to each worker (the users-free model file). */
    public int shippedBytes() {
        return leanModel.length;
    }

    /**
     * The model's identity embeddings as a DataFrame ({@code customer_id}, identity vector, bias), the side of the
     * join that gives known customers their own embedding. Built on the driver from the loaded model; for very
     * large customer bases write it once ({@code identityTable(spark).write().parquet(...)}) and reuse it.
     */
    public Dataset<Row> identityTable(SparkSession spark) {
        Representations r = model.userIdentityVectors();
        List<Row> rows = new ArrayList<>(r.size());
        float[] v = r.vectors();
        float[] b = r.biases();
        int k = r.dim();
        for (int i = 0; i < r.size(); i++) {
            float[] row = new float[k];
            System.arraycopy(v, i * k, row, 0, k);
            rows.add(RowFactory.create(r.ids().get(i), row, b[i]));
        }
        StructType schema = new StructType()
                .add(CUSTOMER_ID, DataTypes.StringType, false)
                .add(ID_VEC, DataTypes.createArrayType(DataTypes.FloatType, false), false)
                .add(ID_BIAS, DataTypes.FloatType, false);
        int slices = Math.max(1, Math.min(spark.sparkContext().defaultParallelism() * 4, r.size() / 10_000 + 1));
        JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices);
        return spark.createDataFrame(rdd, schema);
    }

    /**
     * Top-k for every row of {@code customers} (see the class comment for the columns). Lazy, like any
     * transformation: write or collect the result to run it. Bad input fails the job with a message naming the
     * customer and the column: unknown features (unless ignored), non-finite weights, invalid eligibility
     * attributes.
     */
    public Dataset<Row> topK(Dataset<Row> customers, ScoringOptions options) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(options, "options");
        SparkSession spark = customers.sparkSession();
        StructType in = customers.schema();
        require(in, CUSTOMER_ID, "the customer id (string)");
        List<Column> cols = new ArrayList<>();
        cols.add(col(CUSTOMER_ID).cast("string").as(CUSTOMER_ID));
        cols.addAll(featureColumns(in));
        cols.add(heldColumn(in));
        boolean rules = options.eligibility() != null;
        if (rules) {
            require(in, AGE, "the customer's age, for eligibility");
            require(in, ANNUAL_INCOME, "the customer's annual income, for eligibility");
            require(in, SEGMENT, "the customer's segment, for eligibility");
            require(in, RISK_PROFILE, "the customer's risk profile, for eligibility");
            cols.add(col(AGE).cast("long").as(AGE));
            cols.add(col(ANNUAL_INCOME).cast("string").as(ANNUAL_INCOME));
            cols.add(col(SEGMENT).cast("string").as(SEGMENT));
            cols.add(col(RISK_PROFILE).cast("string").as(RISK_PROFILE));
            cols.add(has(in, REGION) ? col(REGION).cast("string").as(REGION) : lit(null).cast("string").as(REGION));
        }
        Dataset<Row> prepared = customers.select(cols.toArray(new Column[0]));
        boolean identity = options.useIdentity() && model.config().userIdentity() && !model.userIds().isEmpty();
        if (identity) {
            Dataset<Row> ids = identityTable(spark).withColumnRenamed(CUSTOMER_ID, "__id_customer");
            prepared = prepared.join(ids, prepared.col(CUSTOMER_ID).equalTo(ids.col("__id_customer")), "left_outer");
        }
        // fix the column order the workers read (the join may reorder nothing, but say it explicitly)
        List<Column> order = new ArrayList<>(List.of(col(CUSTOMER_ID), col("__names"), col("__weights"),
                col("__held")));
        if (identity) {
            order.add(col(ID_VEC));
            order.add(col(ID_BIAS));
        }
        if (rules) for (String c : List.of(AGE, ANNUAL_INCOME, SEGMENT, RISK_PROFILE, REGION)) order.add(col(c));
        prepared = prepared.select(order.toArray(new Column[0]));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<byte[]> shipped = jsc.broadcast(leanModel);
        JavaRDD<Row> out = prepared.javaRDD().mapPartitions(new ScoreTask(shipped, options, identity, rules));
        return spark.createDataFrame(out, OUTPUT_SCHEMA);
    }

    private static void require(StructType s, String name, String what) {
        if (!has(s, name))
            throw new IllegalArgumentException("customers: missing column '" + name + "' (" + what + "); columns are "
                    + List.of(s.fieldNames()));
    }

    private static boolean has(StructType s, String name) {
        for (String f : s.fieldNames()) if (f.equals(name)) return true;
        return false;
    }

    private static DataType type(StructType s, String name) {
        return s.apply(name).dataType();
    }

    /** {@code __names array<string>}, {@code __weights array<double>}, in the customer's order. */
    private static List<Column> featureColumns(StructType in) {
        if (!has(in, FEATURES))
            return List.of(expr("array()").cast("array<string>").as("__names"),
                    expr("array()").cast("array<double>").as("__weights"));
        DataType t = type(in, FEATURES);
        if (t instanceof MapType m && m.keyType() == DataTypes.StringType && m.valueType() instanceof NumericType)
            return List.of(expr("coalesce(map_keys(" + FEATURES + "), array())").as("__names"),
                    expr("coalesce(transform(map_values(" + FEATURES + "), v -> cast(v as double)), array())")
                            .as("__weights"));
        if (t instanceof ArrayType a && a.elementType() == DataTypes.StringType)
            return List.of(expr("coalesce(" + FEATURES + ", array())").as("__names"),
                    expr("coalesce(transform(" + FEATURES + ", x -> 1.0D), array())").as("__weights"));
        if (t instanceof StructType st && st.fields().length > 0) { // a JSON object read by Spark's inference
            StringBuilder names = new StringBuilder("filter(array(");
            StringBuilder weights = new StringBuilder("filter(array(");
            for (int q = 0; q < st.fields().length; q++) {
                StructField f = st.fields()[q];
                if (!(f.dataType() instanceof NumericType))
                    throw new IllegalArgumentException("customers: feature '" + f.name() + "' of column '" + FEATURES
                            + "' has type " + f.dataType().simpleString() + "; weights must be numbers");
                String ref = FEATURES + ".`" + f.name().replace("`", "``") + "`";
                String sep = q > 0 ? ", " : "";
                names.append(sep).append("CASE WHEN ").append(ref).append(" IS NOT NULL THEN '")
                        .append(f.name().replace("\\", "\\\\").replace("'", "\\'")).append("' END");
                weights.append(sep).append("cast(").append(ref).append(" as double)");
            }
            return List.of(expr(names + "), x -> x IS NOT NULL)").as("__names"),
                    expr(weights + "), x -> x IS NOT NULL)").as("__weights"));
        }
        if (t == DataTypes.StringType) {
            String entries = "filter(split(coalesce(" + FEATURES + ", ''), ';'), e -> trim(e) != '')";
            return List.of(expr("transform(" + entries + ", e -> trim(split(e, '=')[0]))").as("__names"),
                    expr("transform(" + entries + ", e -> CASE WHEN size(split(e, '=')) = 1 THEN 1.0D"
                            + " WHEN cast(trim(split(e, '=')[1]) as double) IS NULL THEN raise_error(concat("
                            + "'features: customer ', " + CUSTOMER_ID + ", ' has a weight that is not a number: ', e))"
                            + " ELSE cast(trim(split(e, '=')[1]) as double) END)").as("__weights"));
        }
        throw new IllegalArgumentException("customers: column '" + FEATURES + "' has type " + t.simpleString()
                + "; expected map<string,number>, array<string> or string 'name=weight;...'");
    }

    private static Column heldColumn(StructType in) {
        if (!has(in, HELD)) return expr("array()").cast("array<string>").as("__held");
        DataType t = type(in, HELD);
        if (t instanceof ArrayType a && a.elementType() == DataTypes.StringType)
            return expr("coalesce(" + HELD + ", array())").as("__held");
        if (t == DataTypes.StringType)
            return expr("filter(transform(split(coalesce(" + HELD + ", ''), ';'), x -> trim(x)), x -> x != '')")
                    .as("__held");
        throw new IllegalArgumentException("customers: column '" + HELD + "' has type " + t.simpleString()
                + "; expected array<string> or a ';'-separated string");
    }

    /** The Spark task: loads the shipped model once per worker JVM, then scores its partition's customers. */
    private static final class ScoreTask implements FlatMapFunction<Iterator<Row>, Row> {
        private static final long serialVersionUID = 1L;
        private static final Map<Long, HybridModel> MODELS = new ConcurrentHashMap<>();

        private final Broadcast<byte[]> shipped;
        private final ScoringOptions options;
        private final boolean identity;
        private final boolean rules;

        ScoreTask(Broadcast<byte[]> shipped, ScoringOptions options, boolean identity, boolean rules) {
            this.shipped = shipped;
            this.options = options;
            this.identity = identity;
            this.rules = rules;
        }

        private HybridModel model() {
            HybridModel cached = MODELS.get(shipped.id());
            if (cached != null) return cached;
            if (MODELS.size() >= 4) MODELS.clear(); // a long-lived executor keeps only the last few models
            return MODELS.computeIfAbsent(shipped.id(), id -> {
                try {
                    Path tmp = Files.createTempFile("finrec-scoring-", ".model");
                    try {
                        Files.write(tmp, shipped.value());
                        return HybridModel.load(tmp);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("could not load the shipped scoring model", e);
                }
            });
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            CustomerScorer scorer = new CustomerScorer(model(), options);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    return score(scorer, rows.next());
                }
            };
        }

        private Row score(CustomerScorer scorer, Row r) {
            String id = r.getString(0);
            if (id == null) throw new IllegalArgumentException("customers: a row has a null " + CUSTOMER_ID);
            List<String> names = r.getList(1);
            List<Double> w = r.getList(2);
            double[] weights = new double[w.size()];
            for (int q = 0; q < weights.length; q++) {
                Double v = w.get(q);
                if (v == null) throw new IllegalArgumentException("features: customer '" + id + "' feature '"
                        + names.get(q) + "' has a null weight");
                weights[q] = v;
            }
            List<String> held = r.getList(3);
            int c = 4;
            Representations.Vector base = null;
            if (identity) {
                if (!r.isNullAt(c)) base = new Representations.Vector(floats(r.getList(c)), r.getFloat(c + 1));
                c += 2;
            }
            Customer customer = rules ? customer(id, r, c) : null;
            CustomerScorer.Scored s = scorer.score(id, base, names, weights, held, customer);
            int n = s.items().size();
            String[] items = new String[n];
            float[] scores = new float[n];
            Row[][] reasons = new Row[n][];
            for (int i = 0; i < n; i++) {
                RecommendedItem it = s.items().get(i);
                items[i] = it.itemId();
                scores[i] = (float) it.score();
                List<Explanation.Contribution> rs = s.reasons().isEmpty() ? List.of() : s.reasons().get(i);
                reasons[i] = new Row[rs.size()];
                for (int j = 0; j < rs.size(); j++)
                    reasons[i][j] = RowFactory.create(rs.get(j).source(), rs.get(j).name(), rs.get(j).value());
            }
            return RowFactory.create(id, items, scores, reasons);
        }

        private static float[] floats(List<Float> v) {
            float[] out = new float[v.size()];
            for (int j = 0; j < out.length; j++) out[j] = v.get(j);
            return out;
        }

        private static Customer customer(String id, Row r, int c) {
            try {
                if (r.isNullAt(c)) throw new IllegalArgumentException(AGE + ": missing");
                long age = r.getLong(c);
                String income = r.getString(c + 1);
                String segment = r.getString(c + 2);
                String risk = r.getString(c + 3);
                String region = r.isNullAt(c + 4) ? "unknown" : r.getString(c + 4);
                if (income == null) throw new IllegalArgumentException(ANNUAL_INCOME + ": missing");
                if (segment == null) throw new IllegalArgumentException(SEGMENT + ": missing");
                if (risk == null) throw new IllegalArgumentException(RISK_PROFILE + ": missing");
                BigDecimal inc;
                try {
                    inc = new BigDecimal(income.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(ANNUAL_INCOME + ": '" + income + "' is not a number");
                }
                Segment seg;
                try {
                    seg = Segment.valueOf(segment.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(SEGMENT + ": '" + segment + "' is not one of "
                            + List.of(Segment.values()));
                }
                RiskProfile rp;
                String rt = risk.trim();
                if (rt.matches("[1-5]")) rp = RiskProfile.ofLevel(Integer.parseInt(rt));
                else {
                    try {
                        rp = RiskProfile.valueOf(rt.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(RISK_PROFILE + ": '" + risk + "' is not a level 1..5 or one of "
                                + List.of(RiskProfile.values()));
                    }
                }
                if (age < Customer.MIN_AGE || age > Customer.MAX_AGE)
                    throw new IllegalArgumentException(AGE + ": " + age + " is outside [" + Customer.MIN_AGE + ", "
                            + Customer.MAX_AGE + "]");
                return new Customer(id, (int) age, inc, seg, rp, region.isBlank() ? "unknown" : region);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("customers: customer '" + id + "': " + e.getMessage(), e);
            }
        }
    }
}
