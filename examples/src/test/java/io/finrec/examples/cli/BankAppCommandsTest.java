package io.finrec.examples.cli;

import static io.finrec.examples.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.examples.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bank app's commands on a small built-in bank, and their bad inputs. */
class BankAppCommandsTest {
    @TempDir
    static Path dir;
    static String db;

    @BeforeAll
    static void build() {
        System.setProperty("finrec.progress", "none");
        db = dir.resolve("bank.db").toString();
        Run r = run("data", "load", "--db", db, "--customers", "80");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void alertsAreStoredOnceAndPrintedWithEvidence() {
        Run first = run("alerts", "--db", db, "--customer", "C000003");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().matches("(?s)\\d+ alert\\(s\\) for C000003 as of 2024-12-31 \\(\\d+ new this run\\).*"), first.out());
        Run second = run("alerts", "--db", db, "--customer", "C000003");
        assertTrue(second.out().contains("(0 new this run)"), second.out());
        String count = first.out().substring(0, first.out().indexOf(' '));
        assertTrue(second.out().startsWith(count + " alert(s)"), "the same alerts, not duplicated");
        Run json = run("alerts", "--db", db, "--customer", "C000003", "--json", "--limit", "1");
        assertTrue(json.out().isEmpty() || json.out().startsWith("{\"customer\":\"C000003\",\"kind\":"), json.out());
    }

    @Test
    void recommendTrainsOnceThenLoadsAndExplains() {
        Run r = run("recommend", "--db", db, "--customer", "C000005", "--k", "4", "--explain");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("hybrid model (held and ineligible products excluded):"), r.out());
        assertTrue(r.out().contains("   1. "), r.out());
        assertTrue(r.out().contains("        - "), "reasons printed");
        assertTrue(r.out().matches("(?s).*one request \\(top 4, no reasons\\) takes [0-9.]+ µs.*"), r.out());
        assertTrue(Files.isDirectory(dir.resolve("bank-models")));
        Run again = run("recommend", "--db", db, "--customer", "C000005", "--k", "4");
        assertEquals(r.out().lines().filter(l -> l.startsWith("   1.")).map(l -> l.replaceFirst("(score +[0-9.]+).*", "$1")).findFirst(),
                again.out().lines().filter(l -> l.startsWith("   1.")).map(l -> l.replaceFirst("(score +[0-9.]+).*", "$1")).findFirst(),
                "the saved model gives the same first product");
    }

    @Test
    void reportAndSpendingWriteChartsAndAPage() throws Exception {
        Path out = dir.resolve("reports");
        Run r = run("report", "--db", db, "--customer", "C000001,C000002", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String c : List.of("C000001", "C000002")) {
            String html = Files.readString(out.resolve("report-" + c + ".html"));
            assertTrue(html.contains("id=\"spending-pie\"") && html.contains("<svg"), c);
            assertTrue(Files.size(out.resolve("spending-" + c + ".png")) > 1000);
            assertTrue(Files.readString(out.resolve("spending-" + c + ".svg")).contains("<svg"));
        }
        Run s = run("spending", "--db", db, "--customer", "C000004", "--chart", out.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("spending of C000004 by category and month"), s.out());
        byte[] png = Files.readAllBytes(out.resolve("spending-C000004.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void evaluatePrintsEveryModel() {
        Run r = run("evaluate", "--db", db, "--k", "5");
        assertEquals(0, r.code(), r.err());
        for (String m : List.of("popularity", "user-cf", "hybrid", "P@5", "R@5", "NDCG@5", "coverage"))
            assertTrue(r.out().contains(m), m + " in " + r.out());
    }

    @Test
    void unknownCustomersAreUsageErrors() {
        for (String cmd : List.of("alerts", "recommend", "spending")) {
            Run r = run(cmd, "--db", db, "--customer", "C999999");
            assertEquals(2, r.code(), cmd);
            assertTrue(r.err().contains("--customer: unknown customer id 'C999999'"), cmd + ": " + r.err());
        }
        Run r = run("report", "--db", db, "--customer", "C000001,NOPE", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'NOPE'"), r.err());
        assertFalse(Files.exists(dir.resolve("x").resolve("report-C000001.html")), "nothing written before the check");
    }

    @Test
    void aCorruptedDatabaseIsAClearError() throws Exception {
        Path bad = dir.resolve("corrupt.db");
        byte[] junk = new byte[8192];
        new java.util.Random(1).nextBytes(junk);
        Files.write(bad, junk);
        for (String cmd : List.of("alerts", "recommend", "report")) {
            List<String> args = new ArrayList<>(List.of(cmd, "--db", bad.toString(), "--customer", "C000001"));
            if (cmd.equals("report")) args.addAll(List.of("--out", dir.resolve("y").toString()));
            Run r = run(args.toArray(String[]::new));
            assertEquals(1, r.code(), cmd + ": " + r.out());
            assertTrue(r.err().startsWith("finrec: " + bad) && r.err().contains("not a usable FinRec database"), r.err());
        }
        Path truncated = dir.resolve("truncated.db");
        byte[] whole = Files.readAllBytes(Path.of(db));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
        Run r = run("alerts", "--db", truncated.toString(), "--customer", "C000001");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().startsWith("finrec: "), r.err());
    }

    @Test
    void brokenTransactionRowsAreReportedWithTheirLineAndTheRestLoads(@TempDir Path tmp) throws Exception {
        Path bank = tmp.resolve("bank");
        assertEquals(0, run("data", "generate", "--out", bank.toString(), "--customers", "6").code());
        Path tx = bank.resolve("transactions.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(tx));
        int total = lines.size() - 1;
        lines.set(5, lines.get(5).replaceFirst(",-?\\d+\\.\\d+,USD,", ",twelve,USD,"));
        lines.set(9, lines.get(9).replaceFirst(",-?\\d+\\.\\d+,USD,", ",0.00,USD,"));
        Files.write(tx, lines);
        Run r = run("data", "load", "--db", tmp.resolve("b.db").toString(), "--from", bank.toString(), "--lenient");
        assertTrue(r.out().contains("skipped 2 bad rows"), r.out());
        assertTrue(r.out().contains("transactions.csv: row 5 (line 6), field 'amount'"), r.out());
        assertTrue(r.out().contains("transactions.csv: row 9 (line 10), field 'amount': must not be zero"), r.out());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "%,d transactions", total - 2)), r.out());
        Run alerts = run("alerts", "--db", tmp.resolve("b.db").toString(), "--customer", "C000001");
        assertEquals(0, alerts.code(), "the good rows are usable: " + alerts.err());
    }
}
