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

        // customers to score: a JSON-lines file with features and held products, as a bank would export it
        StringBuilder json = new StringBuilder();
        for (String u : m.userIds().subList(0, 30)) {
            json.append("{\"customer_id\":\"").append(u).append("\",\"features\":{");
            var f = local.userFeatures().featuresOf(u);
            int i = 0;
            for (var e : f.entrySet()) json.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":")
                    .append(e.getValue());
            json.append("},\"held\":[");
            List<String> held = m.knownItems(u);
            for (int h = 0; h < held.size(); h++) json.append(h > 0 ? "," : "").append('"').append(held.get(h)).append('"');
            json.append("]}\n");
        }
        Path customers = dir.resolve("customers.jsonl");
        Files.writeString(customers, json);
        Path products = BankFiles.file(bankDir, io.finrec.core.dataset.BankTable.PRODUCTS, BankFiles.Format.CSV);
        String out = dir.resolve("top").toString();
        Run s = run("score", "--model", model.toString(), "--customers", customers.toString(), "--out", out,
                "--k", "4", "--reasons", "2");
        assertEquals(0, s.code, s.err);
        assertTrue(s.err.contains("30 customers scored"), s.err);
        List<Row> rows = spark.read().parquet(out).collectAsList();
        assertEquals(30, rows.size());
        for (Row r : rows) {
            String u = r.getString(0);
            List<String> want = m.recommend(u, RecommendQuery.top(4)).stream().map(RecommendedItem::itemId).toList();
            // JSON maps come back in name order, so sums may differ in the last bit: compare the lists
            assertEquals(want, r.getList(1), u);
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
