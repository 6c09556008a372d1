package io.finrec.nlp.categorize.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the simple text format of the editable knowledge tables: '#' comments, blank lines, "[section]" headers
 * and content lines. Errors name the source and the line. Stateless and thread-safe.
 */
final class SectionedText {
    /** One content line with its section (or "" before the first header) and 1-based line number. */
    record Line(String section, String text, int number) {}

    private SectionedText() {}

    static List<Line> read(Reader reader) throws IOException {
        List<Line> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(reader);
        String section = "";
        int number = 0;
        for (String line; (line = r.readLine()) != null; ) {
            number++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            if (s.startsWith("[") && s.endsWith("]")) {
                section = s.substring(1, s.length() - 1).strip();
                continue;
            }
            out.add(new Line(section, s, number));
        }
        return out;
    }

    static List<Line> parse(String text) {
        try {
            return read(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = SectionedText.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IllegalArgumentException error(String source, Line line, String reason) {
        return new IllegalArgumentException(source + ", line " + line.number() + ": " + reason + " ('"
                + (line.text().length() > 60 ? line.text().substring(0, 57) + "..." : line.text()) + "')");
    }

    static void checkCategory(String source, Line line, String category) {
        if (category.isEmpty()) throw error(source, line, "content before any [category] header");
        if (!category.matches("[A-Za-z0-9_.& /-]{1,64}"))
            throw error(source, line, "category '" + category + "' must be 1 to 64 letters, digits, spaces or _.&/-");
    }
}
