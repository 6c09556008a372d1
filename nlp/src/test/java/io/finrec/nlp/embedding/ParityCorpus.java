package io.finrec.nlp.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The parity sentences (a committed file) plus long texts built from them, for the embedding tests. */
final class ParityCorpus {
    private ParityCorpus() {}

    /** 111 varied sentences: banking, news, unicode, emoji, digits, all caps, code, odd whitespace. */
    static List<String> sentences() {
        try (InputStream in = ParityCorpus.class.getResourceAsStream("parity-sentences.txt")) {
            if (in == null) throw new IOException("parity-sentences.txt is missing from the test resources");
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Texts of roughly 60, 300, 700 and 1600 word pieces (the last two span several 510-piece windows). */
    static List<String> longTexts() {
        List<String> s = sentences();
        List<String> out = new ArrayList<>();
        out.add(String.join(" ", s.subList(1, 6)));
        out.add(String.join(" ", s.subList(0, 40)));
        out.add(String.join(" ", s.subList(0, s.size())));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) b.append(String.join(" ", s)).append(' ');
        out.add(b.toString().trim());
        return out;
    }
}
