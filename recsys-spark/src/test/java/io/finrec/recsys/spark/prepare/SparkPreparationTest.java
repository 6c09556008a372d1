package io.finrec.recsys.spark.prepare;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.TrainingData;
import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankData;
import io.finrec.core.dataset.BankFiles;
import io.finrec.core.dataset.BankTable;
import io.finrec.recsys.data.InteractionCsv;
import io.finrec.recsys.spark.SparkTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark preparation of bank tables equals the single-machine preparation. */
class SparkPreparationTest {
    private static SparkSession spark;
    private static BankData bank;
    @TempDir static Path dir;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkTestSupport.session();
        BankData.Collector c = BankData.collector();
        BuiltInBank.generate(new BankConfig(17, 150, LocalDate.of(2024, 1, 1), 3, 2), c);
        bank = c.build();
        try (BankFiles.DirectoryWriter w = BankFiles.writer(dir.resolve("bank"), BankFiles.Format.CSV, Map.of())) {
            bank.replay(w);
        }
    }

    private static Dataset<Row> table(BankTable t) {
        return spark.read().option("header", "true").csv(BankFiles.file(dir.resolve("bank"), t, BankFiles.Format.CSV)
                .toString());
    }

    private static PreparedData cached;

    private static synchronized PreparedData prepared() {
        if (cached == null) cached = SparkPreparation.prepare(table(BankTable.CUSTOMERS), table(BankTable.ACCOUNTS),
                table(BankTable.TRANSACTIONS), table(BankTable.INTERACTIONS), table(BankTable.PRODUCTS));
        return cached;
    }

    static void assertSameData(TrainingData want, TrainingData got) {
        Interactions a = want.interactions(), b = got.interactions();
        assertEquals(a.userIds(), b.userIds());
        assertEquals(a.itemIds(), b.itemIds());
        assertArrayEquals(a.userArray(), b.userArray());
        assertArrayEquals(a.itemArray(), b.itemArray());
        assertArrayEquals(a.valueArray(), b.valueArray());
        assertArrayEquals(a.weightArray(), b.weightArray());
        assertArrayEquals(a.timestampArray(), b.timestampArray());
        assertEquals(want.userFeatures(), got.userFeatures());
        assertEquals(want.itemFeatures(), got.itemFeatures());
    }

    @Test
    void sparkPreparationEqualsTheSingleMachinePath() {
        TrainingData local = LocalPreparation.prepare(bank);
        assertTrue(local.interactions().size() > 100, "too few interactions: " + local.interactions().size());
        float[] v = local.interactions().valueArray();
        assertTrue(v.length > 0 && java.util.stream.IntStream.range(0, v.length).anyMatch(i -> v[i] != 1f),
                "every value is 1: events are not used");
        assertTrue(local.userFeatures().featureNames().stream().anyMatch(n -> n.startsWith("spend:")));
        assertEquals(bank.customers().size(), local.interactions().userCount());
        assertSameData(local, prepared().toTrainingData());
    }

    @Test
    void writtenInputsReadBackAndFeedTheSingleMachineTrainer() throws Exception {
        PreparedData p = prepared();
        String out = dir.resolve("prepared").toString();
        p.write(out);
        assertSameData(p.toTrainingData(), PreparedData.read(spark, out).toTrainingData());
        Path csv;
        try (Stream<Path> s = Files.list(Path.of(out, "interactions.csv"))) {
            csv = s.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        Interactions fromCsv = InteractionCsv.read(csv, InteractionCsv.Format.csv("user", "item")
                .withValue("value", Double.NEGATIVE_INFINITY).withTimestamp("timestamp"));
        Interactions want = p.toTrainingData().interactions();
        assertEquals(want.size(), fromCsv.size());
        float[] a = want.valueArray().clone(), b = fromCsv.valueArray().clone();
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(a, b);
        List<Row> vocab = spark.read().parquet(out + "/user_vocabulary").orderBy("ordinal").collectAsList();
        assertEquals(p.toTrainingData().userFeatures().featureNames(), vocab.stream().map(r -> r.getString(0)).toList());
    }

    @Test
    void unknownReferencesAndMissingColumnsFailClearly() {
        Dataset<Row> tx = table(BankTable.TRANSACTIONS);
        Dataset<Row> bad = tx.withColumn("customer_id", org.apache.spark.sql.functions.lit("ghost"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkPreparation.prepare(
                table(BankTable.CUSTOMERS), table(BankTable.ACCOUNTS), bad, table(BankTable.INTERACTIONS),
                table(BankTable.PRODUCTS)));
        assertTrue(e.getMessage().contains("transactions: a row names customer 'ghost'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparkPreparation.prepare(
                table(BankTable.CUSTOMERS).drop("segment"), table(BankTable.ACCOUNTS), tx,
                table(BankTable.INTERACTIONS), table(BankTable.PRODUCTS)));
        assertTrue(e.getMessage().contains("customers: missing column 'segment'"), e.getMessage());
        Dataset<Row> dupProducts = table(BankTable.PRODUCTS).union(table(BankTable.PRODUCTS).limit(1));
        e = assertThrows(IllegalArgumentException.class, () -> SparkPreparation.prepare(table(BankTable.CUSTOMERS),
                table(BankTable.ACCOUNTS), tx, table(BankTable.INTERACTIONS), dupProducts));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
    }
}
