package io.finrec.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedCommandTest {
    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void writesOneUnitVectorPerLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("texts.txt");
        Files.writeString(in, "I want to save for college\n\nCafé ☕ and 💳 fees\r\n", StandardCharsets.UTF_8);
        CliTest.Run r = run("embed", "--input", in.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 3; i++) {
            JsonNode n = json.readTree(lines[i]);
            assertEquals(i + 1, n.get("line").asInt());
            assertEquals(384, n.get("vector").size());
            double norm = 0;
            for (JsonNode x : n.get("vector")) norm += x.asDouble() * x.asDouble();
            assertEquals(1.0, Math.sqrt(norm), 1e-4);
        }
    }

    @Test
    void dimOnlyReportsDimensionAndTokens(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("texts.txt");
        Files.writeString(in, "The cat sat on the mat.\n");
        CliTest.Run r = run("embed", "--dim-only", "--input", in.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("{\"line\":1,\"dimension\":384,\"tokens\":9}", r.out().strip());
    }

    @Test
    void invalidUtf8NamesTheLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("bad.txt");
        Files.write(in, new byte[] {'o', 'k', '\n', 'b', (byte) 0xC3, (byte) 0x28, '\n'});
        CliTest.Run r = run("embed", "--input", in.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("line 2") && r.err().contains("invalid UTF-8"), r.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("embed", "--long-text", "sometimes").code());
        CliTest.Run r = run("embed", "--max-tokens", "9999", "--input", "/nonexistent");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("maxTokens"), r.err());
    }
}
