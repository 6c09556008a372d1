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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code finrec vectors gen} then {@code bench} end to end on a small set. */
class VectorsCommandTest {
    @TempDir
    Path dir;

    List<JsonNode> run(String... args) throws Exception {
        CommandLine cl = FinrecCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertEquals(0, code, err.toString());
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString().split("\n")) if (!l.isBlank()) lines.add(new ObjectMapper().readTree(l));
        return lines;
    }

    @Test
    void generatesThenBenchmarksFlatAndHnsw() throws Exception {
        List<JsonNode> gen = run("vectors", "gen", "--out", dir.toString(), "--base", "3000", "--queries", "50",
                "--dim", "32", "--clusters", "30", "--k", "10", "--threads", "2");
        assertEquals(3000, gen.get(0).get("base").asInt());
        assertTrue(Files.size(dir.resolve("base.fvecs")) == 3000L * (4 + 4 * 32));
        String[] common = {"--base", dir.resolve("base.fvecs").toString(), "--queries",
                dir.resolve("queries.fvecs").toString(), "--truth", dir.resolve("truth.ivecs").toString(),
                "--metric", "ip", "--threads", "2", "--repeat", "1"};
        List<JsonNode> flat = run(concat(new String[] {"vectors", "bench", "--index", "flat"}, common));
        assertEquals("build", flat.get(0).get("event").asText());
        assertEquals(1.0, flat.get(1).get("recall").asDouble(), 1e-9, "flat is exact");
        assertTrue(flat.get(1).get("qpsBatch").asDouble() > 0);
        List<JsonNode> hnsw = run(concat(new String[] {"vectors", "bench", "--index", "hnsw", "--m", "16",
                "--ef-construction", "100", "--ef", "16,128"}, common));
        assertEquals(3, hnsw.size());
        double low = hnsw.get(1).get("recall").asDouble();
        double high = hnsw.get(2).get("recall").asDouble();
        assertTrue(high >= 0.95 && high >= low, "recall " + low + " at ef 16, " + high + " at ef 128");

        // int8 codes: built with the first quantisation, the same index reloaded with the second, both measured
        List<JsonNode> flat8 = run(concat(new String[] {"vectors", "bench", "--index", "flat", "--quantization",
                "int8,none"}, common));
        assertEquals("INT8", flat8.get(0).get("quantization").asText());
        assertEquals("reload", flat8.get(1).get("event").asText());
        assertEquals("NONE", flat8.get(1).get("quantization").asText());
        assertTrue(flat8.get(0).get("ramBytesUsed").asLong() > flat8.get(1).get("ramBytesUsed").asLong(),
                "codes take memory");
        for (JsonNode s : flat8.subList(2, 4)) assertEquals(1.0, s.get("recall").asDouble(), 1e-9, "still exact: " + s);
        List<JsonNode> hnsw8 = run(concat(new String[] {"vectors", "bench", "--index", "hnsw", "--ef", "128",
                "--quantization", "none,int8"}, common));
        assertEquals(4, hnsw8.size());
        assertEquals("INT8", hnsw8.get(3).get("quantization").asText());
        double floats = hnsw8.get(2).get("recall").asDouble();
        double codes = hnsw8.get(3).get("recall").asDouble();
        assertTrue(codes >= 0.95 && Math.abs(codes - floats) <= 0.02, "recall " + floats + " on floats, " + codes
                + " on codes, same graph");

        CommandLine cl = FinrecCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute(concat(new String[] {"vectors", "bench", "--index", "flat", "--quantization",
                "int4"}, common)));
        assertTrue(err.toString().contains("--quantization: 'int4' is not none or int8"), err.toString());
    }

    @Test
    void badArgumentsFailWithAClearMessage() {
        CommandLine cl = FinrecCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("vectors", "bench", "--base", dir.resolve("missing.fvecs").toString(), "--queries", "q",
                "--truth", "t", "--index", "flat");
        assertEquals(1, code);
        assertTrue(err.toString().contains("missing.fvecs"), err.toString());
    }

    static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
