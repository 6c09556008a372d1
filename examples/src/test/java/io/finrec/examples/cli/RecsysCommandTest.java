package io.finrec.examples.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecsysCommandTest {
    private static Path blocksCsv(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("user,item,rating,ts\n");
        for (int u = 0; u < 20; u++)
            for (int i = 0; i < 8; i++) sb.append("u").append(u).append(',').append(u < 10 ? "a" : "b").append(i)
                    .append(',').append(5).append(',').append(1000 * u + (i + u) % 8).append('\n');
        Path f = dir.resolve("interactions.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = FinrecCli.commandLine().execute(args);
            assertEquals(0, code, "exit code; output: " + buf);
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void evalPrintsOneJsonObjectWithMetricsAndTimings(@TempDir Path dir) throws Exception {
        Path csv = blocksCsv(dir);
        String out = run("recsys", "eval", "--csv", csv.toString(), "--value-col", "rating", "--time-col", "ts",
                "--split", "leave-k-out", "--min-rating", "4", "--loss", "warp", "--components", "8", "--epochs", "40",
                "--seed", "3", "--quiet");
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals(20, j.get("users").asInt());
        assertTrue(j.get("auc").asDouble() > 0.9, out);
        assertTrue(j.get("hitRate").asDouble() > 0.9, out);
        assertEquals(40, j.get("secondsPerEpoch").size());
        assertTrue(j.get("fitSeconds").asDouble() > 0);
        assertEquals(1, out.strip().lines().count(), "exactly one line of JSON");
    }

    @Test
    void trainThenRecommendFromTheSavedModel(@TempDir Path dir) throws Exception {
        Path csv = blocksCsv(dir);
        Path model = dir.resolve("m.frec");
        run("recsys", "train", "--csv", csv.toString(), "--split", "random", "--model", "user-cf", "--out",
                model.toString());
        String out = run("recsys", "recommend", "--model", model.toString(), "--user", "u0", "-k", "3",
                "--include-known");
        JsonNode recs = new ObjectMapper().readTree(out).get("recommendations");
        assertEquals(3, recs.size());
        recs.forEach(r -> assertTrue(r.get("item").asText().startsWith("a"), out));
    }

    @Test
    void badInputExitsNonZeroWithAClearMessage(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "user,item,rating\nu1,i1,5\nu2,i2,abc\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cl = FinrecCli.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute("recsys", "eval", "--csv", csv.toString(), "--value-col", "rating", "--quiet");
        assertEquals(1, code);
        assertTrue(err.toString().contains("row 2") && err.toString().contains("rating"), err.toString());
    }
}
