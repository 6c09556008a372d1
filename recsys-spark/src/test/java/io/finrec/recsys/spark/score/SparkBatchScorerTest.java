package io.finrec.recsys.spark.score;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.recommend.Explanation;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.TrainingData;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Eligibility;
import io.finrec.core.domain.Product;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.spark.SparkTestSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark batch scoring gives exactly the single-machine model's answers. */
class SparkBatchScorerTest {
    private static SparkSession spark;
    private static TrainingData data;
    private static HybridModel model;
    private static List<Product> products;

    @BeforeAll
    static void start() {
        spark = SparkTestSupport.session();
        data = SparkTestSupport.data(400, 60, 4000, 3);
        model = SparkTestSupport.model(data);
        products = SparkTestSupport.products(model.itemIds(), 9);
    }

    private static final StructType CUSTOMERS = new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("features", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
            .add("held", DataTypes.createArrayType(DataTypes.StringType))
            .add("age", DataTypes.IntegerType)
            .add("annual_income", DataTypes.createDecimalType(12, 2))
            .add("segment", DataTypes.StringType)
            .add("risk_profile", DataTypes.StringType);

    private record Case(String id, Map<String, Double> features, List<String> held, Customer customer, boolean known) {}

    private static List<Case> cases() {
        SplittableRandom r = new SplittableRandom(5);
        List<Case> out = new ArrayList<>();
        for (String u : model.userIds())
            out.add(new Case(u, data.userFeatures().featuresOf(u), model.knownItems(u), SparkTestSupport.customer(u, r), true));
        // cold start: new customers known only by features (some holding products), and one with nothing at all
        for (int c = 0; c < 40; c++) {
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("segment:FAMILY", 1.0);
            f.put("age:" + (20 + 10 * (c % 5)), 1.0);
            if (c % 2 == 0) f.put("spend:" + (c % 4), 0.5);
            List<String> held = c % 3 == 0 ? List.of(model.itemIds().get(c % 60), "not-in-catalogue") : List.of();
            out.add(new Case("new" + c, f, held, SparkTestSupport.customer("new" + c, r), false));
        }
        out.add(new Case("blank", Map.of(), List.of(), SparkTestSupport.customer("blank", r), false));
        return out;
    }

    private static Dataset<Row> frame(List<Case> cases) {
        List<Row> rows = new ArrayList<>();
        for (Case c : cases)
            rows.add(RowFactory.create(c.id, c.features, c.held.toArray(new String[0]), c.customer.age(),
                    c.customer.annualIncome(), c.customer.segment().name(), c.customer.riskProfile().name()));
        return spark.createDataFrame(rows, CUSTOMERS).repartition(3);
    }

    @Test
    void resultsAreIdenticalToSingleMachineRecommendAndExplain(@TempDir Path dir) {
        List<Case> cases = cases();
        EligibilityTable rules = EligibilityTable.of(products);
        ScoringOptions options = ScoringOptions.builder().k(6).reasons(3).eligibility(rules).build();
        SparkBatchScorer scorer = SparkBatchScorer.of(model);
        assertTrue(scorer.shippedBytes() > 0);
        String out = dir.resolve("top.parquet").toString();
        scorer.topK(frame(cases), options).write().parquet(out);
        Map<String, Row> got = new HashMap<>();
        for (Row r : spark.read().parquet(out).collectAsList()) assertNull(got.put(r.getString(0), r), "duplicate row");
        assertEquals(cases.size(), got.size());

        Map<String, Eligibility> byItem = new HashMap<>();
        for (Product p : products) byItem.put(p.id(), p.eligibility());
        int compared = 0;
        int filteredOut = 0;
        for (Case c : cases) {
            RecommendQuery q = RecommendQuery.top(6).withFilter(item -> byItem.get(item).admits(c.customer));
            List<RecommendedItem> want = c.known ? model.recommend(c.id, q)
                    : model.recommendForFeatures(c.features, q.withExclude(Set.copyOf(c.held)));
            Row r = got.get(c.id);
            List<String> items = r.getList(1);
            List<Float> scores = r.getList(2);
            List<Object> reasons = r.getList(3);
            assertEquals(want.size(), items.size(), c.id);
            for (int i = 0; i < want.size(); i++) {
                assertEquals(want.get(i).itemId(), items.get(i), c.id);
                assertEquals(Float.floatToIntBits((float) want.get(i).score()), Float.floatToIntBits(scores.get(i)), c.id);
                assertFalse(c.held.contains(items.get(i)), c.id + " got a held product");
                assertTrue(byItem.get(items.get(i)).admits(c.customer), c.id + " got an ineligible product");
                if (c.known) {
                    Explanation e = model.explain(c.id, items.get(i), 3);
                    List<Explanation.Contribution> wantReasons = new ArrayList<>(e.features());
                    wantReasons.addAll(e.similarItems());
                    List<Row> gotReasons = rows(reasons.get(i));
                    assertEquals(wantReasons.size(), gotReasons.size(), c.id);
                    for (int j = 0; j < wantReasons.size(); j++) {
                        assertEquals(wantReasons.get(j).source(), gotReasons.get(j).getString(0));
                        assertEquals(wantReasons.get(j).name(), gotReasons.get(j).getString(1));
                        assertEquals(wantReasons.get(j).value(), gotReasons.get(j).getDouble(2));
                    }
                }
            }
            // the filter really bit: the unfiltered list differs for some customers
            if (c.known && !model.recommend(c.id, RecommendQuery.top(6)).equals(want)) filteredOut++;
            compared++;
        }
        assertEquals(cases.size(), compared);
        assertTrue(filteredOut > 20, "eligibility changed only " + filteredOut + " lists");
    }

    @Test
    void optionsMatchTheirSingleMachineQueries() {
        List<Case> cases = cases().subList(0, 50);
        Set<String> candidates = Set.copyOf(model.itemIds().subList(0, 30));
        ScoringOptions options = ScoringOptions.builder().k(4).reasons(0).useItemBias(false).candidates(candidates)
                .exclude(Set.of(model.itemIds().get(1))).build();
        List<Row> rows = SparkBatchScorer.of(model).topK(frame(cases).drop("age"), options).collectAsList();
        assertEquals(cases.size(), rows.size());
        for (Row r : rows) {
            String u = r.getString(0);
            List<RecommendedItem> want = model.recommend(u, RecommendQuery.top(4).withItemBias(false)
                    .withCandidates(candidates).withExclude(Set.of(model.itemIds().get(1))));
            List<String> items = r.getList(1);
            assertEquals(want.stream().map(RecommendedItem::itemId).toList(), items, u);
            assertTrue(r.getList(3).stream().allMatch(x -> rows(x).isEmpty()));
        }
        // identities off: every known customer is scored from features alone (cold-start view)
        ScoringOptions noId = ScoringOptions.builder().k(3).reasons(0).useIdentity(false).build();
        for (Row r : SparkBatchScorer.of(model).topK(frame(cases), noId).collectAsList()) {
            Case c = cases.stream().filter(x -> x.id.equals(r.getString(0))).findFirst().orElseThrow();
            assertEquals(model.recommendForFeatures(c.features, RecommendQuery.top(3).withExclude(Set.copyOf(c.held)))
                    .stream().map(RecommendedItem::itemId).toList(), r.getList(1));
        }
    }

    @Test
    void featureAndHeldColumnsAcceptStringsAndArrays() {
        StructType s = new StructType().add("customer_id", DataTypes.StringType).add("features", DataTypes.StringType)
                .add("held", DataTypes.StringType);
        String held = model.itemIds().get(0) + "; " + model.itemIds().get(1);
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create("s1", "segment:FAMILY; spend:1=0.5", held)), s);
        Row r = SparkBatchScorer.of(model).topK(df, ScoringOptions.builder().k(5).reasons(0).build()).first();
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("segment:FAMILY", 1.0);
        f.put("spend:1", 0.5);
        assertEquals(model.recommendForFeatures(f, RecommendQuery.top(5)
                        .withExclude(Set.of(model.itemIds().get(0), model.itemIds().get(1))))
                .stream().map(RecommendedItem::itemId).toList(), r.getList(1));
        StructType a = new StructType().add("customer_id", DataTypes.StringType)
                .add("features", DataTypes.createArrayType(DataTypes.StringType));
        Row r2 = SparkBatchScorer.of(model).topK(spark.createDataFrame(List.of(RowFactory.create("s2",
                new String[] {"segment:FAMILY"})), a), ScoringOptions.builder().k(2).reasons(0).build()).first();
        assertEquals(model.recommendForFeatures(Map.of("segment:FAMILY", 1.0), RecommendQuery.top(2))
                .stream().map(RecommendedItem::itemId).toList(), r2.getList(1));
    }

    @Test
    void badInputFailsWithTheCustomerAndTheField() {
        SparkBatchScorer scorer = SparkBatchScorer.of(model);
        StructType s = new StructType().add("customer_id", DataTypes.StringType).add("features", DataTypes.StringType);
        Dataset<Row> unknown = spark.createDataFrame(List.of(RowFactory.create("c9", "segment:FAMILY;colour:blue")), s);
        SparkException e = assertThrows(SparkException.class,
                () -> scorer.topK(unknown, ScoringOptions.builder().build()).collectAsList());
        assertTrue(rootMessage(e).contains("customer 'c9' has feature 'colour:blue'"), rootMessage(e));
        // ...unless asked to ignore unknown features
        Row ok = scorer.topK(unknown, ScoringOptions.builder().reasons(0).unknownFeatures(
                ScoringOptions.UnknownFeatures.IGNORE).build()).first();
        assertEquals(10, ok.getList(1).size());
        Dataset<Row> notNumber = spark.createDataFrame(List.of(RowFactory.create("c8", "spend:1=lots")), s);
        Exception e2 = assertThrows(Exception.class,
                () -> scorer.topK(notNumber, ScoringOptions.builder().build()).collectAsList());
        assertTrue(rootMessage(e2).contains("customer c8 has a weight that is not a number: spend:1=lots"), rootMessage(e2));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> scorer.topK(
                unknown, ScoringOptions.builder().eligibility(EligibilityTable.of(products)).build()));
        assertTrue(missing.getMessage().contains("missing column 'age'"), missing.getMessage());
        StructType bad = new StructType().add("customer_id", DataTypes.StringType).add("features", DataTypes.IntegerType);
        assertThrows(IllegalArgumentException.class, () -> scorer.topK(
                spark.createDataFrame(List.of(RowFactory.create("c1", 3)), bad), ScoringOptions.builder().build()));
        Dataset<Row> badSegment = frame(cases().subList(0, 1)).withColumn("segment",
                org.apache.spark.sql.functions.lit("PIRATE"));
        e = assertThrows(SparkException.class, () -> scorer.topK(badSegment,
                ScoringOptions.builder().eligibility(EligibilityTable.of(products)).build()).collectAsList());
        assertTrue(rootMessage(e).contains("segment: 'PIRATE' is not one of"), rootMessage(e));
        assertThrows(IllegalArgumentException.class, () -> ScoringOptions.builder().k(0).build());
    }

    @SuppressWarnings("unchecked")
    static List<Row> rows(Object seq) {
        return scala.collection.JavaConverters.seqAsJavaList((scala.collection.Seq<Row>) seq);
    }

    static String rootMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) sb.append(c.getMessage()).append(" | ");
        return sb.toString();
    }
}
