package io.finrec.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code finrec categorize}: JSON lines with the default model, bad lines, train, eval and crossval end to end. */
class CategorizeCommandTest {

    @BeforeAll
    static void quiet() {
        System.setProperty("finrec.progress", "none");
    }

    @Test
    void categorizesLinesAsJson(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in.txt");
        Files.writeString(in, "POS 4412 WHOLEFDS MKT #10234 AUSTIN TX\nUBER EATS PENDING\n\nSQ *CASH APP\n");
        CliTest.Run r = CliTest.run("categorize", "--input", in.toString(), "--explain");
        assertEquals(1, r.code(), "a blank line fails the run: " + r.err());
        assertTrue(r.err().contains("1 of 4 lines"), r.err());
        List<JsonNode> lines = r.jsonLines();
        assertEquals(4, lines.size(), "one output line per input line");
        assertEquals("groceries", lines.get(0).get("category").asText());
        assertEquals("Whole Foods Market", lines.get(0).get("merchant").asText());
        assertEquals(3, lines.get(0).get("top3").size());
        assertTrue(lines.get(0).get("probability").asDouble() > 0.5);
        assertEquals("model", lines.get(0).get("source").asText());
        assertTrue(lines.get(0).get("explanation").get("prefixes").toString().contains("POS"));
        assertEquals("dining", lines.get(1).get("category").asText());
        assertEquals(3, lines.get(2).get("line").asInt());
        assertTrue(lines.get(2).get("error").asText().contains("description"));
        assertEquals("transfers", lines.get(3).get("category").asText());
    }

    @Test
    void brandsFromTheNameSuggestionIndexThroughTheCli(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in.txt");
        Files.writeString(in, "POS 4412 KING KULLEN #123 BETHPAGE NY\nCHECKCARD 0312 BONCHON CHICKEN FAIRFAX VA 2443123\n"
                + "DEBIT CARD PURCHASE - OUTRIGGER HOTELS AND RESORTS HONOLULU HI\n");
        CliTest.Run r = CliTest.run("categorize", "--input", in.toString(), "--explain");
        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = r.jsonLines();
        assertEquals(List.of("groceries", "dining", "travel"), lines.stream().map(l -> l.get("category").asText()).toList());
        assertEquals(List.of("King Kullen", "Bonchon Chicken", "Outrigger Hotels and Resorts"),
                lines.stream().map(l -> l.get("explanation").get("directory").get("name").asText()).toList());

        // coverage of a knowledge source alone: the generated table knows King Kullen, merchants.txt does not
        Path csv = tmp.resolve("t.csv");
        Files.writeString(csv, "description,category\nPOS 4412 KING KULLEN #123 BETHPAGE NY,groceries\n"
                + "ZORBLAX TRADING 12,shopping\n");
        CliTest.Run nsi = CliTest.run("categorize", "coverage", "--source", "nsi", "--test", csv.toString(), "--list");
        assertEquals(0, nsi.code(), nsi.err());
        assertTrue(nsi.out().contains("merchants 2: right 1 (0.500), wrong category 0"), nsi.out());
        CliTest.Run curated = CliTest.run("categorize", "coverage", "--source", "curated", "--test", csv.toString());
        assertTrue(curated.out().contains("merchants 2: right 0 (0.000)"), curated.out());
        CliTest.Run bad = CliTest.run("categorize", "coverage", "--source", "osm", "--test", csv.toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--source"), bad.err());
    }

    @Test
    void trainEvalAndCrossValidate(@TempDir Path tmp) throws Exception {
        StringBuilder csv = new StringBuilder("description,category\n");
        String[][] rows = {{"SQ *HULU", "entertainment"}, {"NETFLIX.COM*LK22MZEM1", "entertainment"},
                {"SPOTIFY USA 877", "entertainment"}, {"POS 4412 KROGER #12 AUSTIN TX", "groceries"},
                {"SAFEWAY 6006 AUSTIN TX", "groceries"}, {"ALDI 72*HJM88AJ3E", "groceries"},
                {"SHELL OIL 1234 DENVER CO", "fuel"}, {"CHEVRON 0 PHOENIXAZ", "fuel"}, {"SPEEDWAY 34274 SAN DIEGO CA", "fuel"}};
        for (int k = 0; k < 4; k++) for (String[] row : rows) csv.append('"').append(row[0]).append(' ').append(k).append("\",").append(row[1]).append('\n');
        Path train = tmp.resolve("train.csv");
        Files.writeString(train, csv);
        Path model = tmp.resolve("m.frm");
        CliTest.Run t = CliTest.run("categorize", "train", "--train", train.toString(), "--out", model.toString(),
                "--epochs", "10", "--folds", "0", "--dev", train.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(Files.size(model) > 1000 && t.out().contains("dev"), t.out());
        CliTest.Run e = CliTest.run("categorize", "eval", "--model", model.toString(), "--test", train.toString(),
                "--min-accuracy", "0.9");
        assertEquals(0, e.code(), e.out() + e.err());
        assertTrue(e.out().contains("confusion matrix") && e.out().contains("macro-F1"), e.out());
        CliTest.Run floor = CliTest.run("categorize", "eval", "--model", model.toString(), "--test", train.toString(),
                "--min-accuracy", "1.01");
        assertEquals(1, floor.code(), "below the floor fails");
        CliTest.Run cv = CliTest.run("categorize", "crossval", "--data", train.toString(), "--folds", "3", "--epochs", "1");
        assertEquals(0, cv.code(), cv.out() + cv.err());
        assertTrue(cv.out().contains("held-out merchants, directory intact"), cv.out());
        assertTrue(cv.out().contains("held-out merchants, removed from the hand-curated directory only"), cv.out());
        CliTest.Run held = CliTest.run("categorize", "train", "--train", train.toString(), "--out", model.toString(),
                "--epochs", "1", "--folds", "0", "--builtin-bank", "2", "--holdout-merchants-of", train.toString(),
                "--holdout-curated");
        assertEquals(0, held.code(), held.out() + held.err());
        assertTrue(held.out().contains("held out 36 transactions"), held.out());
        CliTest.Run both = CliTest.run("categorize", "train", "--train", train.toString(), "--out", model.toString(),
                "--holdout-merchants-of", train.toString(), "--holdout-curated", "--holdout-directory");
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("not both"), both.err());
        CliTest.Run bad = CliTest.run("categorize", "eval", "--model", tmp.resolve("missing.frm").toString(), "--test", train.toString());
        assertEquals(2, bad.code(), bad.err());
        Path broken = tmp.resolve("broken.csv");
        Files.writeString(broken, "description,category\nSQ *HULU\n");
        CliTest.Run b = CliTest.run("categorize", "eval", "--test", broken.toString());
        assertEquals(1, b.code());
        assertTrue(b.err().contains("broken.csv"), b.err());
    }

    @Test
    void rejectsEmptyHugeAndUndecodableInput(@TempDir Path tmp) throws Exception {
        Path empty = tmp.resolve("empty.txt");
        Files.writeString(empty, "");
        CliTest.Run e = CliTest.run("categorize", "--input", empty.toString());
        assertEquals(1, e.code());
        assertTrue(e.err().contains("no input"), e.err());

        Path huge = tmp.resolve("huge.txt");
        Files.writeString(huge, "NETFLIX.COM\n" + "A".repeat(400_005) + "\nHULU\n");
        CliTest.Run h = CliTest.run("categorize", "--input", huge.toString());
        assertEquals(1, h.code());
        assertTrue(h.err().contains("line 2") && h.err().contains("longer than"), h.err());

        Path binary = tmp.resolve("latin1.txt");
        Files.write(binary, new byte[] {'S', 'Q', ' ', '*', 'C', 'A', 'F', (byte) 0xC9, '\n'});
        CliTest.Run b = CliTest.run("categorize", "--input", binary.toString());
        assertEquals(1, b.code());
        assertTrue(b.err().contains("line 1") && b.err().contains("UTF-8"), b.err());

        CliTest.Run missing = CliTest.run("categorize", "--input", tmp.resolve("nope.txt").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("nope.txt"), missing.err());
    }

    @Test
    void malformedCsvRowsNameFileAndRow(@TempDir Path tmp) throws Exception {
        Path quote = tmp.resolve("quote.csv");
        Files.writeString(quote, "description,category\nNETFLIX.COM,entertainment\n\"SQ *HULU,entertainment\n");
        CliTest.Run q = CliTest.run("categorize", "eval", "--test", quote.toString());
        assertEquals(1, q.code(), q.out());
        assertTrue(q.err().contains("quote.csv"), q.err());

        Path extra = tmp.resolve("extra.csv");
        Files.writeString(extra, "description,category\nNETFLIX.COM,entertainment\nHULU,entertainment,oops\n");
        CliTest.Run x = CliTest.run("categorize", "eval", "--test", extra.toString());
        assertEquals(1, x.code(), x.out());
        assertTrue(x.err().contains("extra.csv") && x.err().contains("row 2"), x.err());

        Path header = tmp.resolve("header.csv");
        Files.writeString(header, "description,category\n");
        CliTest.Run n = CliTest.run("categorize", "train", "--train", header.toString(), "--out",
                tmp.resolve("m.frm").toString());
        assertEquals(1, n.code(), n.out());
        assertTrue(n.err().contains("header.csv") && n.err().contains("no rows"), n.err());
    }
}
