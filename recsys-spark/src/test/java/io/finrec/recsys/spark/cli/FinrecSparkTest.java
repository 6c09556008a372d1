package io.finrec.recsys.spark.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.TrainingData;
import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankData;
import io.finrec.core.dataset.BankFiles;
import io.finrec.recsys.hybrid.HybridModel;
import io.finrec.recsys.spark.SparkTestSupport;
import io.finrec.recsys.spark.prepare.LocalPreparation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The finrec-spark command line end to end: prepare, train (distributed), score with eligibility. */
class FinrecSparkTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSupport.session();
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = FinrecSpark.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void prepareTrainAndScoreABank(@TempDir Path dir) throws Exception {
        BankData.Collector c = BankData.collector();
        BuiltInBank.generate(new BankConfig(5, 120, LocalDate.of(2024, 1, 1), 2, 2), c);
        BankData bank = c.build();
        Path bankDir = dir.resolve("bank");
        try (BankFiles.DirectoryWriter w = BankFiles.writer(bankDir, BankFiles.Format.CSV, Map.of())) {
            bank.replay(w);
        }
        Run p = run("prepare", "--bank", bankDir.toString(), "--out", dir.resolve("prepared").toString());
        assertEquals(0, p.code, p.err);
        Path model = dir.resolve("model.frm");
        Run t = run("train", "--prepared", dir.resolve("prepared").toString(), "--out", model.toString(),
                "--epochs", "3", "--components", "8", "--partitions", "2", "--quiet");
        assertEquals(0, t.code, t.err);
        HybridModel m = HybridModel.load(model);
        TrainingData local = LocalPreparation.prepare(bank);
        assertEquals(local.interactions().userIds(), m.userIds());
        assertEquals(3, m.epochsTrained());

        // score every customer of the prepared 'customers' table with the products' eligibility rules: exactly
        // the single-machine model's answers (features in training order, held = training items)
        Path products = BankFiles.file(bankDir, io.finrec.core.dataset.BankTable.PRODUCTS, BankFiles.Format.CSV);
        String top = dir.resolve("top").toString();
        Run s = run("score", "--model", model.toString(), "--customers", dir.resolve("prepared/customers").toString(),
                "--out", top, "--k", "4", "--reasons", "2", "--products", products.toString());
        assertEquals(0, s.code, s.err);
        assertTrue(s.err.contains(bank.customers().size() + " customers scored"), s.err);
        Map<String, io.finrec.core.domain.Customer> byId = new java.util.HashMap<>();
        for (var cu : bank.customers()) byId.put(cu.id(), cu);
        Map<String, io.finrec.core.domain.Eligibility> rules = new java.util.HashMap<>();
        for (var p2 : bank.products()) rules.put(p2.id(), p2.eligibility());
        int nonEmpty = 0;
        for (Row r : spark.read().parquet(top).collectAsList()) {
            String u = r.getString(0);
            var customer = byId.get(u);
            List<RecommendedItem> want = m.recommend(u, RecommendQuery.top(4)
                    .withFilter(item -> rules.get(item).admits(customer)));
            List<String> items = r.getList(1);
            List<Float> scores = r.getList(2);
            assertEquals(want.stream().map(RecommendedItem::itemId).toList(), items, u);
            for (int i = 0; i < items.size(); i++) assertEquals((float) want.get(i).score(), scores.get(i), u);
            if (!items.isEmpty()) nonEmpty++;
        }
        assertTrue(nonEmpty > bank.customers().size() / 2, nonEmpty + " customers got recommendations");

        // a JSON-lines export (features as JSON objects, which Spark reads as structs)
        StringBuilder json = new StringBuilder();
        for (String u : m.userIds().subList(0, 5)) {
            json.append("{\"customer_id\":\"").append(u).append("\",\"features\":{");
            int i = 0;
            for (var e : local.userFeatures().featuresOf(u).entrySet())
                json.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":").append(e.getValue());
            json.append("}}\n");
        }
        Path customers = dir.resolve("customers.jsonl");
        Files.writeString(customers, json);
        String out = dir.resolve("top-json").toString();
        Run sj = run("score", "--model", model.toString(), "--customers", customers.toString(), "--out", out,
                "--k", "3", "--reasons", "0", "--no-identity");
        assertEquals(0, sj.code, sj.err);
        for (Row r : spark.read().parquet(out).collectAsList()) {
            // JSON objects come back with fields in name order: compare the lists, not the last bits of the scores
            Map<String, Double> f = new java.util.TreeMap<>(local.userFeatures().featuresOf(r.getString(0)));
            assertEquals(m.recommendForFeatures(f, RecommendQuery.top(3)).stream().map(RecommendedItem::itemId)
                    .toList(), r.getList(1));
        }
        // eligibility needs the customers' attributes: a clear error when they are missing
        Run bad = run("score", "--model", model.toString(), "--customers", customers.toString(), "--out",
                dir.resolve("top2").toString(), "--products", products.toString());
        assertEquals(1, bad.code);
        assertTrue(bad.err.contains("missing column 'age'"), bad.err);
        Run usage = run("score", "--model", model.toString());
        assertEquals(2, usage.code);
    }
}
