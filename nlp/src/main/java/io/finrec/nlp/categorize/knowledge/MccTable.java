package io.finrec.nlp.categorize.knowledge;

import io.finrec.core.util.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps card-network merchant category codes (ISO 18245, 0..9999) to categories, e.g. 5411 to groceries and
 * 5812 to dining. The built-in table ({@link #builtin()}, resource {@code mcc.txt}) is editable in its text format
 * ("CODE category" or "FROM-TO category" lines, later lines win) or through {@link #with}. Immutable and
 * thread-safe.
 */
public final class MccTable {
    private static final String RESOURCE = "/io/finrec/nlp/categorize/mcc.txt";
    private static volatile MccTable builtin;

    private final short[] codes; // category index + 1, 0 = none
    private final List<String> categories;

    private MccTable(short[] codes, List<String> categories) {
        this.codes = codes;
        this.categories = List.copyOf(categories);
    }

    /** The built-in table. */
    public static MccTable builtin() {
        MccTable t = builtin;
        if (t == null) {
            synchronized (MccTable.class) {
                if (builtin == null) builtin = parse(SectionedText.resource(RESOURCE), "mcc.txt");
                t = builtin;
            }
        }
        return t;
    }

    /** An empty table. */
    public static MccTable empty() {
        return new MccTable(new short[10000], List.of());
    }

    /** Parses the text format. */
    public static MccTable parse(String text, String source) {
        Checks.notNull(text, "text");
        short[] codes = new short[10000];
        List<String> cats = new ArrayList<>();
        for (SectionedText.Line line : SectionedText.parse(text)) {
            String[] parts = line.text().split("\\s+", 2);
            if (parts.length != 2) throw SectionedText.error(source, line, "expected 'CODE category' or 'FROM-TO category'");
            String category = parts[1].strip();
            SectionedText.checkCategory(source, line, category);
            int from, to;
            try {
                int dash = parts[0].indexOf('-');
                from = Integer.parseInt(dash < 0 ? parts[0] : parts[0].substring(0, dash));
                to = dash < 0 ? from : Integer.parseInt(parts[0].substring(dash + 1));
            } catch (NumberFormatException e) {
                throw SectionedText.error(source, line, "'" + parts[0] + "' is not a code or a code range");
            }
            if (from < 0 || to > 9999 || from > to)
                throw SectionedText.error(source, line, "code range " + from + "-" + to + " is outside 0-9999");
            int idx = cats.indexOf(category);
            if (idx < 0) {
                cats.add(category);
                idx = cats.size() - 1;
            }
            for (int c = from; c <= to; c++) codes[c] = (short) (idx + 1);
        }
        return new MccTable(codes, cats);
    }

    /** A copy with {@code code} mapped to {@code category}. */
    public MccTable with(int code, String category) {
        Checks.range(code, 0, 9999, "code");
        Checks.text(category, "category");
        List<String> cats = new ArrayList<>(categories);
        int idx = cats.indexOf(category);
        if (idx < 0) {
            cats.add(category);
            idx = cats.size() - 1;
        }
        short[] copy = codes.clone();
        copy[code] = (short) (idx + 1);
        return new MccTable(copy, cats);
    }

    /** The category of a code, if mapped. */
    public Optional<String> categoryOf(int code) {
        if (code < 0 || code > 9999) return Optional.empty();
        int idx = codes[code];
        return idx == 0 ? Optional.empty() : Optional.of(categories.get(idx - 1));
    }

    /** The categories the table uses. */
    public List<String> categories() {
        return categories;
    }

    /** The table in its text format: one line per run of consecutive codes with the same category. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        int c = 0;
        while (c < 10000) {
            int idx = codes[c];
            int end = c;
            while (end + 1 < 10000 && codes[end + 1] == idx) end++;
            if (idx != 0) {
                sb.append(c == end ? String.valueOf(c) : c + "-" + end).append(' ').append(categories.get(idx - 1)).append('\n');
            }
            c = end + 1;
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MccTable t && t.toText().equals(toText());
    }

    @Override
    public int hashCode() {
        return toText().hashCode();
    }
}
