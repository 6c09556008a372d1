package io.finrec.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of {@code finrec sentiment}, {@code keywords} and {@code social} through the CLI. */
class SentimentCliTest {
    record Run(int code, String out, String err) {}

    static synchronized Run run(byte[] stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = FinrecCli.commandLine().execute(args);
            System.out.flush();
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void vaderLinesToJson() throws Exception {
        Run r = run(utf8("VADER is smart, handsome, and funny.\nMy card got declined again, furious\n\n"), "sentiment");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals(0.8316, first.get("compound").asDouble(), 1e-12);
        assertEquals("positive", first.get("label").asText());
        assertEquals("negative", new ObjectMapper().readTree(lines[1]).get("label").asText());
        assertEquals("neutral", new ObjectMapper().readTree(lines[2]).get("label").asText());
    }

    @Test
    void learnedEngineAndEvalAndTrain(@TempDir Path dir) throws Exception {
        Run r = run(utf8("$NVDA beats estimates and raises guidance, shares surge\n"), "sentiment", "--engine", "learned");
        assertEquals(0, r.code(), r.err());
        assertEquals("bullish", new ObjectMapper().readTree(r.out()).get("label").asText());

        StringBuilder csv = new StringBuilder("text,label\n");
        String[][] rows = {{"shares surge on strong earnings", "bullish"}, {"stock plunges after guidance cut", "bearish"},
            {"company to present at conference", "neutral"}};
        for (int i = 0; i < 40; i++) for (String[] row : rows) csv.append('"').append(row[0]).append(" #").append(i).append("\",").append(row[1]).append('\n');
        Path train = dir.resolve("train.csv");
        Files.writeString(train, csv);
        Path model = dir.resolve("m.frm");
        r = run(new byte[0], "sentiment", "train", "--engine", "learned-fast", "--train", train.toString(), "--out",
                model.toString(), "--epochs", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(model) > 0);
        r = run(new byte[0], "sentiment", "eval", "--model", model.toString(), "--test", train.toString(), "--min-accuracy", "0.9");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("accuracy="), r.out());
        r = run(new byte[0], "sentiment", "eval", "--model", model.toString(), "--test", train.toString(), "--min-accuracy", "1.01");
        assertEquals(1, r.code());
        r = run(utf8("$NVDA beats estimates and raises guidance, shares surge\n"), "sentiment", "--engine", "learned-fast");
        assertEquals(0, r.code(), r.err());
        assertEquals("bullish", new ObjectMapper().readTree(r.out()).get("label").asText());
    }

    @Test
    void transformerFineTuningThroughTheCli(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("text,label\n");
        String[][] rows = {{"shares surge on strong earnings", "bullish"}, {"stock plunges after guidance cut", "bearish"},
            {"company to present at conference", "neutral"}};
        for (int i = 0; i < 12; i++) for (String[] row : rows) csv.append('"').append(row[0]).append(" #").append(i).append("\",").append(row[1]).append('\n');
        Path train = dir.resolve("train.csv");
        Files.writeString(train, csv);
        Path model = dir.resolve("t.frm");
        // the cheapest real fine-tuning: top layer only, one epoch, short inputs
        Run r = run(new byte[0], "sentiment", "train", "--train", train.toString(), "--out", model.toString(),
                "--layers", "1", "--epochs", "1", "--max-tokens", "16", "--learning-rate", "3e-4", "--batch-size", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("validation accuracy"), r.out());
        r = run(utf8("shares surge on strong earnings #99\n"), "sentiment", "--engine", "learned", "--model", model.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(j.get("pos").asDouble() - j.get("neg").asDouble(), j.get("compound").asDouble(), 1e-9);
        r = run(new byte[0], "sentiment", "eval", "--model", model.toString(), "--test", train.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("fine-tuned MiniLM"), r.out());
        r = run(new byte[0], "sentiment", "train", "--engine", "vader", "--train", train.toString(), "--out", model.toString());
        assertEquals(2, r.code(), r.err());
    }

    @Test
    void checkVaderAndBadInput(@TempDir Path dir) throws Exception {
        Path golden = dir.resolve("g.jsonl");
        Files.writeString(golden, "{\"text\": \"Today SUX!\", \"neg\": 0.779, \"neu\": 0.221, \"pos\": 0.0, \"compound\": -0.5461}\n");
        assertEquals(0, run(new byte[0], "sentiment", "check-vader", "--golden", golden.toString()).code());
        Files.writeString(golden, "{\"text\": \"Today SUX!\", \"neg\": 0.779, \"neu\": 0.221, \"pos\": 0.0, \"compound\": -0.3}\n");
        assertEquals(1, run(new byte[0], "sentiment", "check-vader", "--golden", golden.toString()).code());
        Run bad = run(new byte[] {'o', 'k', '\n', (byte) 0xC3, '\n'}, "sentiment");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("line 2") && bad.err().contains("UTF-8"), bad.err());
        // keywords answers line by line: the good line before the bad one is still printed
        Run badKeywords = run(new byte[] {'o', 'k', '\n', (byte) 0xC3, '\n'}, "keywords");
        assertEquals(1, badKeywords.code());
        assertTrue(badKeywords.out().contains("\"text\":\"ok\""), badKeywords.out());
        assertTrue(badKeywords.err().contains("line 2"), badKeywords.err());
    }

    @Test
    void keywordsAndSocial(@TempDir Path dir) throws Exception {
        Run r = run(utf8("Approved for a home loan of $450,000!\n"), "keywords");
        assertEquals(0, r.code(), r.err());
        JsonNode k = new ObjectMapper().readTree(r.out()).get("keywords");
        assertEquals("mortgage", k.get(0).get("canonical").asText());
        assertEquals("450000 USD", k.get(1).get("canonical").asText());

        Path posts = dir.resolve("posts.csv");
        Files.writeString(posts, "id,customer_id,time,text\n"
                + "p1,C1,2024-05-01T10:00:00Z,finally bought our first house!\n"
                + "p2,C1,2024-05-03T10:00:00Z,\"my card got declined again, furious\"\n"
                + "p3,C2,2024-05-03T10:00:00Z,hello\n");
        r = run(new byte[0], "social", "--customer", "C1", "--posts", posts.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("INSURANCE") && r.out().contains("HOME_LOAN") && r.out().contains("card_support"), r.out());
        r = run(new byte[0], "social", "--customer", "C1", "--posts", posts.toString(), "--json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2, j.get("posts").size());
        assertTrue(j.get("userFeatures").has("social:churn_risk"));
        r = run(new byte[0], "social", "--customer", "NOPE", "--posts", posts.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("NOPE"), r.err());
    }
}
