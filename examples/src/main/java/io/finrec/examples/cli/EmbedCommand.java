package io.finrec.examples.cli;

import io.finrec.core.util.Checks;
import io.finrec.nlp.embedding.LongTextPolicy;
import io.finrec.nlp.embedding.MiniLmConfig;
import io.finrec.nlp.embedding.MiniLmEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code finrec embed}: sentence vectors for texts, one per input line (UTF-8), as JSON lines
 * {@code {"line":1,"vector":[...]}}. {@code --dim-only} prints {@code {"line":1,"dimension":384,"tokens":14}} instead.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Embeds texts with all-MiniLM-L6-v2 (offline): one text per line of UTF-8 input (stdin or --input);",
                "writes one JSON line per text: {\"line\":N,\"vector\":[384 floats, unit length]}.",
                "Example: finrec embed < texts.txt > vectors.jsonl"})
public final class EmbedCommand implements Callable<Integer> {
    private static final int CHUNK = 256;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", description = "Read texts from this file instead of stdin.")
    Path input;

    @Option(names = "--dim-only", description = "Print each text's vector dimension and word-piece count, not the vector.")
    boolean dimOnly;

    @Option(names = "--long-text", paramLabel = "POLICY", defaultValue = "TRUNCATE",
            description = "Texts longer than --max-tokens: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    LongTextPolicy longText;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "128",
            description = "Model window in word pieces, 8 to 512 (default ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
            description = "Texts per model call (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws IOException {
        CliSupport.djlOffline();
        MiniLmConfig config = MiniLmConfig.builder().longTextPolicy(longText).maxTokens(maxTokens).batchSize(batchSize)
                .build();
        String source = input == null ? "stdin" : input.toString();
        PrintWriter out = spec.commandLine().getOut();
        try (InputStream in = input == null ? System.in : Files.newInputStream(input);
             MiniLmEmbedder embedder = MiniLmEmbedder.create(config)) {
            Utf8Lines lines = new Utf8Lines(in, source, Checks.MAX_TEXT_LENGTH);
            List<String> chunk = new ArrayList<>(CHUNK);
            long line = 0;
            while (true) {
                String text = lines.next();
                if (text != null) {
                    line++;
                    chunk.add(text);
                }
                if (chunk.size() == CHUNK || (text == null && !chunk.isEmpty())) {
                    write(out, embedder, chunk, line - chunk.size() + 1);
                    chunk.clear();
                }
                if (text == null) break;
            }
            out.flush();
        }
        return 0;
    }

    private void write(PrintWriter out, MiniLmEmbedder embedder, List<String> texts, long firstLine) {
        if (dimOnly) {
            for (int i = 0; i < texts.size(); i++)
                out.println("{\"line\":" + (firstLine + i) + ",\"dimension\":" + embedder.dimension() + ",\"tokens\":"
                        + embedder.countTokens(texts.get(i)) + "}");
            return;
        }
        List<float[]> vectors = embedder.embedAll(texts);
        StringBuilder b = new StringBuilder(8 * 384);
        for (int i = 0; i < vectors.size(); i++) {
            b.setLength(0);
            b.append("{\"line\":").append(firstLine + i).append(",\"vector\":[");
            float[] v = vectors.get(i);
            for (int d = 0; d < v.length; d++) {
                if (d > 0) b.append(',');
                b.append(v[d]);
            }
            out.println(b.append("]}"));
        }
    }
}
