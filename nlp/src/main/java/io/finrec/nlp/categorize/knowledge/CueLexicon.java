package io.finrec.nlp.categorize.knowledge;

import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import io.finrec.nlp.categorize.text.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Category cue words and phrases: words that hint at a category whatever the merchant ("PHARMACY", "TRASH",
 * "PAYROLL", "APTS", "PIZZERIA"), some marked strong ("FEE", "PAYROLL"). The built-in lexicon ({@link #builtin()},
 * resource {@code cues.txt}) is editable in the same text format ({@link #parse}).
 *
 * <p>Matching is greedy left to right over the description's words, taking the longest phrase at each position
 * across all categories, so "RENT A CAR" (travel) wins over "RENT" (rent) and "GAS CO" (utilities) over "GAS"
 * (fuel). A phrase word ending in '*' matches any word that starts with it. Immutable and thread-safe.
 */
public final class CueLexicon {
    private static final String RESOURCE = "/io/finrec/nlp/categorize/cues.txt";
    private static volatile CueLexicon builtin;

    /**
     * One cue.
     *
     * @param words    squashed words; a word ending in '*' is a prefix
     * @param category its category
     * @param strong   whether it is a strong cue
     */
    public record Cue(List<String> words, String category, boolean strong) {
        public Cue {
            words = List.copyOf(words);
            if (words.isEmpty()) throw new IllegalArgumentException("words: empty cue");
            Checks.text(category, "category");
        }

        /** The cue in the text format ("!PHARM*"). */
        public String text() {
            return (strong ? "!" : "") + String.join(" ", words);
        }
    }

    /**
     * What a description's words say.
     *
     * @param categories the lexicon's categories (the index space of the counts)
     * @param ordinary   ordinary cue hits per category
     * @param strong     strong cue hits per category
     * @param matched    the matched cues, in order
     */
    public record Hits(List<String> categories, int[] ordinary, int[] strong, List<Cue> matched) {
        /** True when nothing matched. */
        public boolean isEmpty() {
            return matched.isEmpty();
        }
    }

    private final List<Cue> cues;
    private final List<String> categories;
    private final Map<String, List<Cue>> byFirstWord = new HashMap<>();
    private final Map<String, List<Cue>> byFirstPrefix3 = new HashMap<>();

    private CueLexicon(List<Cue> cues) {
        this.cues = List.copyOf(cues);
        Set<String> cats = new LinkedHashSet<>();
        for (Cue c : cues) cats.add(c.category());
        categories = List.copyOf(cats);
        for (Cue c : cues) {
            String first = c.words().get(0);
            if (first.endsWith("*")) byFirstPrefix3.computeIfAbsent(first.substring(0, 3), k -> new ArrayList<>()).add(c);
            else byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(c);
        }
    }

    /** The built-in lexicon. */
    public static CueLexicon builtin() {
        CueLexicon c = builtin;
        if (c == null) {
            synchronized (CueLexicon.class) {
                if (builtin == null) builtin = parse(SectionedText.resource(RESOURCE), "cues.txt");
                c = builtin;
            }
        }
        return c;
    }

    /** An empty lexicon. */
    public static CueLexicon empty() {
        return new CueLexicon(List.of());
    }

    /** Parses the text format: "[category]" headers, then phrases separated by '|' ("!" marks a strong cue). */
    public static CueLexicon parse(String text, String source) {
        Checks.notNull(text, "text");
        List<Cue> cues = new ArrayList<>();
        for (SectionedText.Line line : SectionedText.parse(text)) {
            SectionedText.checkCategory(source, line, line.section());
            for (String phrase : line.text().split("\\|")) {
                String p = phrase.strip();
                if (p.isEmpty()) continue;
                boolean strong = p.startsWith("!");
                if (strong) p = p.substring(1).strip();
                List<String> words = new ArrayList<>();
                for (String w : p.split("[\\s:,/#()]+")) {
                    if (w.isEmpty()) continue;
                    boolean prefix = w.endsWith("*");
                    String sq = Words.squash(prefix ? w.substring(0, w.length() - 1) : w);
                    if (sq.isEmpty()) continue;
                    if (prefix && sq.length() < 3)
                        throw SectionedText.error(source, line, "prefix '" + w + "' needs at least 3 letters");
                    words.add(prefix ? sq + "*" : sq);
                }
                if (words.isEmpty()) throw SectionedText.error(source, line, "phrase '" + phrase.strip() + "' has no words");
                cues.add(new Cue(words, line.section(), strong));
            }
        }
        return new CueLexicon(cues);
    }

    /** A lexicon with these cues added. */
    public CueLexicon with(List<Cue> more) {
        List<Cue> all = new ArrayList<>(cues);
        all.addAll(more);
        return new CueLexicon(all);
    }

    /** All cues. */
    public List<Cue> cues() {
        return cues;
    }

    /** The categories of the cues, in first-seen order. */
    public List<String> categories() {
        return categories;
    }

    /** Finds the cues in a description. */
    public Hits match(NormalizedDescription d) {
        int k = categories.size();
        int[] ordinary = new int[k], strong = new int[k];
        List<Cue> matched = new ArrayList<>(4);
        int n = d.size();
        int i = 0;
        while (i < n) {
            String w = d.word(i);
            if (w.isEmpty()) {
                i++;
                continue;
            }
            Cue best = null;
            int bestLen = 0;
            List<Cue> exact = byFirstWord.get(w);
            if (exact != null) for (Cue c : exact) {
                int len = matchAt(c, d, i);
                if (len > bestLen || (len == bestLen && len > 0 && c.strong() && !best.strong())) {
                    best = c;
                    bestLen = len;
                }
            }
            if (w.length() >= 3) {
                List<Cue> pre = byFirstPrefix3.get(w.substring(0, 3));
                if (pre != null) for (Cue c : pre) {
                    int len = matchAt(c, d, i);
                    if (len > bestLen) {
                        best = c;
                        bestLen = len;
                    }
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            int cat = categories.indexOf(best.category());
            if (best.strong()) strong[cat]++;
            else ordinary[cat]++;
            matched.add(best);
            i += bestLen;
        }
        return new Hits(categories, ordinary, strong, matched);
    }

    /** Number of description tokens the cue covers starting at token {@code i}, or 0 if it does not match. */
    private static int matchAt(Cue c, NormalizedDescription d, int i) {
        int t = i;
        for (String cw : c.words()) {
            while (t < d.size() && d.word(t).isEmpty()) t++; // skip '*' and '#'
            if (t >= d.size()) return 0;
            String w = d.word(t);
            boolean ok = cw.endsWith("*") ? w.startsWith(cw.substring(0, cw.length() - 1)) : w.equals(cw);
            if (!ok) return 0;
            t++;
        }
        return t - i;
    }

    /** The lexicon in its text format. */
    public String toText() {
        Map<String, List<Cue>> byCat = new LinkedHashMap<>();
        for (Cue c : cues) byCat.computeIfAbsent(c.category(), x -> new ArrayList<>()).add(c);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<Cue>> e : byCat.entrySet()) {
            sb.append('[').append(e.getKey()).append("]\n");
            for (Cue c : e.getValue()) sb.append(c.text()).append('\n');
        }
        return sb.toString();
    }
}
