package io.finrec.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes and messages of the data and demo commands. */
class CliTest {
    /** Output of one run. */
    record Run(int code, String out, String err) {
        /** Standard output parsed as JSON lines, one node per line (fails the test on a line that is not JSON). */
        List<JsonNode> jsonLines() {
            return out.lines().map(l -> {
                try {
                    return JSON.readTree(l);
                } catch (Exception e) {
                    throw new AssertionError("not a JSON line: " + l, e);
                }
            }).toList();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void quiet() {
        System.setProperty("finrec.progress", "none");
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = FinrecCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"data", "--help"},
                new String[] {"data", "generate", "--help"}, new String[] {"data", "load", "--help"},
                new String[] {"data", "check", "--help"}, new String[] {"demo", "--help"})) {
            Run r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage:"), String.join(" ", args));
        }
    }

    @Test
    void generateWritesADeterministicDataset(@TempDir Path tmp) throws Exception {
        Run a = run("data", "generate", "--out", tmp.resolve("a").toString(), "--customers", "20");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("transactions"), a.out());
        run("data", "generate", "--out", tmp.resolve("b").toString(), "--customers", "20");
        for (String f : List.of("manifest.json", "customers.csv", "transactions.csv", "social_posts.csv"))
            assertEquals(Files.readString(tmp.resolve("a").resolve(f)), Files.readString(tmp.resolve("b").resolve(f)), f);
        Run j = run("data", "generate", "--out", tmp.resolve("j").toString(), "--customers", "5", "--format", "jsonl",
                "--seed", "9");
        assertEquals(0, j.code(), j.err());
        assertTrue(Files.exists(tmp.resolve("j").resolve("transactions.jsonl")));
    }

    @Test
    void badUsageExitsWith2AndSaysWhy(@TempDir Path tmp) throws Exception {
        Run noOut = run("data", "generate");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("--out"), noOut.err());
        Run zero = run("data", "generate", "--out", tmp.toString(), "--customers", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--customers: 0 is outside"), zero.err());
        Run format = run("data", "generate", "--out", tmp.toString(), "--format", "xml");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("--format"), format.err());
        Run from = run("data", "load", "--db", tmp.resolve("x.db").toString(), "--from", tmp.resolve("nope").toString());
        assertEquals(2, from.code());
        assertTrue(from.err().contains("is not a directory"), from.err());
        Run unknown = run("data", "frobnicate");
        assertEquals(2, unknown.code());
        Run seed = run("data", "generate", "--out", tmp.toString(), "--seed", "abc");
        assertEquals(2, seed.code());
        assertTrue(seed.err().contains("abc"), seed.err());
    }

    @Test
    void loadChecksAndRefusesToLoadTwice(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("bank");
        assertEquals(0, run("data", "generate", "--out", dir.toString(), "--customers", "15").code());
        String db = tmp.resolve("bank.db").toString();
        Run load = run("data", "load", "--db", db, "--from", dir.toString());
        assertEquals(0, load.code(), load.err());
        assertTrue(load.out().contains("integrity: ok"), load.out());
        Run again = run("data", "load", "--db", db, "--from", dir.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already holds a bank"), again.err());
        assertEquals(0, run("data", "load", "--db", db, "--replace", "--customers", "10").code());
        Run check = run("data", "check", "--db", db);
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().contains("integrity: ok"), check.out());
        Run missing = run("data", "check", "--db", tmp.resolve("none.db").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void badRowsFailTheLoadUnlessLenient(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("bank");
        assertEquals(0, run("data", "generate", "--out", dir.toString(), "--customers", "15").code());
        Files.delete(dir.resolve("manifest.json"));
        Path customers = dir.resolve("customers.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(customers));
        lines.set(2, lines.get(2).replaceFirst(",\\d+,", ",forty,"));
        Files.write(customers, lines);
        Run strict = run("data", "load", "--db", tmp.resolve("a.db").toString(), "--from", dir.toString());
        assertEquals(1, strict.code());
        assertTrue(strict.err().startsWith("finrec: customers.csv: row 2 (line 3), field 'age': 'forty' is not an integer"),
                strict.err());
        Run lenient = run("data", "load", "--db", tmp.resolve("b.db").toString(), "--from", dir.toString(), "--lenient");
        // the customer's other rows now reference a missing customer: the integrity check says so and fails the load
        assertEquals(1, lenient.code(), lenient.err());
        assertTrue(lenient.out().contains("skipped 1 bad rows"), lenient.out());
        assertTrue(lenient.out().contains("foreign key"), lenient.out());
    }

    @Test
    void demoBuildsTheBankOnceAndPrintsTheSummary(@TempDir Path tmp) {
        String db = tmp.resolve("demo.db").toString();
        Run first = run("demo", "--db", db, "--customers", "25");
        assertEquals(0, first.code(), first.err());
        for (String s : List.of("building the built-in bank", "integrity: ok", "spending by category", "most held products",
                "market series", "customer C000001", "demo finished"))
            assertTrue(first.out().contains(s), s);
        Run second = run("demo", "--db", db, "--customer", "C000002");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("using " + db), second.out());
        assertTrue(second.out().contains("customer C000002"));
        Run bad = run("demo", "--db", db, "--customer", "NOPE");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("no customer 'NOPE'"), bad.err());
    }
}
