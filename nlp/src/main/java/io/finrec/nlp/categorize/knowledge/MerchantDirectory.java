package io.finrec.nlp.categorize.knowledge;

import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import io.finrec.nlp.categorize.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A directory of well-known merchants, billers, payroll processors and payment services with their aliases and
 * statement abbreviations ("WHOLEFDS", "AMZN MKTP", "VZWRLSS"), each with a category. The built-in directory
 * ({@link #builtin()}) holds about 2,800 hand-curated US brands across FinRec's 15 categories ({@link #curated()},
 * resource {@code merchants.txt}) followed by US brands imported from OpenStreetMap's name-suggestion-index
 * ({@link #nameSuggestionIndex()}); banks extend or replace it ({@link #toBuilder()}, {@link #parse}).
 *
 * <h2>Matching</h2>
 * Aliases are compared squashed (upper-case letters and digits only), so "WHOLE FOODS", "WholeFds" and
 * "WHOLE-FOODS" are the same. A match must start at a token and may span tokens ("MTA*NYCT" matches "MTA NYCT").
 * It must end at a token boundary unless the alias is one word of at least {@value #MIN_MIDWORD} characters, the
 * match stays inside one token and the rest of that token is noise (digits, a web or company suffix): "NETFLIX"
 * matches "NETFLIXCOM", but "ASSOCIA" does not match "ASSOCIATION", "DEL TACO" does not match "DELTA COLORADO"
 * and "PAYMENTUS" does not match "PAYMENT USAA"). When the description is cut off inside an alias of at least {@value #MIN_PARTIAL} characters
 * ("WASTE MANA") and the match spans at least two tokens, a partial match is reported if every alias continuing
 * that prefix has the same category; it must start in the merchant name the normaliser found, and
 * any full match beats it. Otherwise a match overlapping the merchant name beats one outside it, and then the
 * longest match wins, so "UBER EATS" (dining) beats "UBER" (transport).
 *
 * <p>Immutable and thread-safe.
 */
public final class MerchantDirectory {
    /** One-word aliases at least this long may end inside a token. */
    public static final int MIN_MIDWORD = 6;
    /** Minimum matched characters for a partial (cut-off) match. */
    public static final int MIN_PARTIAL = 5;
    // The built-in parts, each parsed once on first use (holder classes: lazy, thread-safe class initialisation).
    private static final class Curated {
        static final MerchantDirectory D =
                parse(SectionedText.resource("/io/finrec/nlp/categorize/merchants.txt"), "merchants.txt");
    }

    private static final class Nsi {
        static final MerchantDirectory D =
                parse(SectionedText.resource("/io/finrec/nlp/categorize/merchants-nsi.txt"), "merchants-nsi.txt");
    }

    private static final class Builtin {
        static final MerchantDirectory D = Curated.D.toBuilder().addAll(Nsi.D).build();
    }

    /**
     * A directory entry.
     *
     * @param name     canonical display name, e.g. "Whole Foods Market"
     * @param category its category, e.g. "groceries"
     * @param aliases  how statements write it, e.g. ["WHOLEFDS", "WHOLE FOODS"]
     */
    public record Entry(String name, String category, List<String> aliases) {
        public Entry {
            Checks.text(name, "name");
            Checks.text(category, "category");
            aliases = List.copyOf(aliases);
            if (aliases.isEmpty()) throw new IllegalArgumentException("aliases: '" + name + "' has none");
            for (String a : aliases)
                if (Words.squash(a).isEmpty())
                    throw new IllegalArgumentException("aliases: '" + a + "' of '" + name + "' has no letters or digits");
        }
    }

    /**
     * A match in a description.
     *
     * @param entry      the matched entry (for a partial match, the entry if all continuations share it, else the
     *                   first entry of the category)
     * @param category   the matched category
     * @param startToken first matched token
     * @param endToken   end (exclusive) of the matched tokens
     * @param length     matched squashed characters
     * @param partial    true when the description ended inside the alias
     */
    public record Match(Entry entry, String category, int startToken, int endToken, int length, boolean partial) {}

    private final List<Entry> entries;
    private final List<String> categories;
    // trie over squashed aliases (first-child / next-sibling)
    private final char[] label;
    private final int[] firstChild;
    private final int[] nextSibling;
    private final int[] terminal; // entry id or -1
    private final boolean[] midwordOk; // a one-word alias of at least MIN_MIDWORD characters ends here
    private final int[] subtreeEntry; // entry id when every alias below belongs to one entry, -1 none, -2 mixed
    private final int[] subtreeCategory; // category id when every alias below shares it, -1 none, -2 mixed

    private MerchantDirectory(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Set<String> cats = new LinkedHashSet<>();
        for (Entry e : entries) cats.add(e.category());
        this.categories = List.copyOf(cats);
        List<String> catList = this.categories;
        int capacity = 1;
        for (Entry e : entries) for (String a : e.aliases()) capacity += Words.squash(a).length();
        char[] lab = new char[capacity];
        int[] fc = new int[capacity], ns = new int[capacity], term = new int[capacity];
        boolean[] mid = new boolean[capacity];
        Arrays.fill(fc, -1);
        Arrays.fill(ns, -1);
        Arrays.fill(term, -1);
        int nodes = 1;
        for (int id = 0; id < entries.size(); id++) {
            for (String alias : entries.get(id).aliases()) {
                String s = Words.squash(alias);
                int node = 0;
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    int child = fc[node], prev = -1;
                    while (child >= 0 && lab[child] != c) {
                        prev = child;
                        child = ns[child];
                    }
                    if (child < 0) {
                        child = nodes++;
                        lab[child] = c;
                        if (prev < 0) fc[node] = child;
                        else ns[prev] = child;
                    }
                    node = child;
                }
                if (term[node] < 0) term[node] = id; // first entry wins for duplicate aliases
                if (s.length() >= MIN_MIDWORD && !alias.strip().contains(" ")) mid[node] = true;
            }
        }
        label = Arrays.copyOf(lab, nodes);
        firstChild = Arrays.copyOf(fc, nodes);
        nextSibling = Arrays.copyOf(ns, nodes);
        terminal = Arrays.copyOf(term, nodes);
        midwordOk = Arrays.copyOf(mid, nodes);
        subtreeEntry = new int[nodes];
        subtreeCategory = new int[nodes];
        // children always have larger ids than parents: fill bottom-up by decreasing id
        Arrays.fill(subtreeEntry, -1);
        Arrays.fill(subtreeCategory, -1);
        for (int node = nodes - 1; node >= 0; node--) {
            int se = -1, sc = -1;
            if (terminal[node] >= 0) {
                se = terminal[node];
                sc = catList.indexOf(entries.get(se).category());
            }
            for (int c = firstChild[node]; c >= 0; c = nextSibling[c]) {
                se = merge(se, subtreeEntry[c]);
                sc = merge(sc, subtreeCategory[c]);
            }
            subtreeEntry[node] = se;
            subtreeCategory[node] = sc;
        }
    }

    private static int merge(int a, int b) {
        if (a == -1) return b;
        if (b == -1) return a;
        return a == b ? a : -2;
    }

    /**
     * The built-in directory: the hand-curated {@link #curated()} entries first, then the
     * {@link #nameSuggestionIndex()} entries, so a hand-curated alias wins over an identical generated one.
     * Loaded once.
     */
    public static MerchantDirectory builtin() {
        return Builtin.D;
    }

    /** The hand-curated part of the built-in directory (resource {@code merchants.txt}, about 2,800 entries). */
    public static MerchantDirectory curated() {
        return Curated.D;
    }

    /**
     * The generated part of the built-in directory: US brands of OpenStreetMap's name-suggestion-index (BSD
     * 3-Clause; resource {@code merchants-nsi.txt}, licence in {@code merchants-nsi.LICENSE.md} beside it), imported
     * at development time by {@code nlp/tools/import-nsi.sh}. Its aliases never conflict with a hand-curated alias of
     * another category.
     */
    public static MerchantDirectory nameSuggestionIndex() {
        return Nsi.D;
    }

    /** An empty directory. */
    public static MerchantDirectory empty() {
        return new MerchantDirectory(List.of());
    }

    /**
     * Parses the directory text format: "[category]" headers, then "Canonical Name | ALIAS | ALIAS ..." lines.
     *
     * @param text   the directory
     * @param source names the text in error messages
     */
    public static MerchantDirectory parse(String text, String source) {
        Checks.notNull(text, "text");
        List<Entry> entries = new ArrayList<>();
        for (SectionedText.Line line : SectionedText.parse(text)) {
            SectionedText.checkCategory(source, line, line.section());
            String[] parts = line.text().split("\\|");
            if (parts.length < 2) throw SectionedText.error(source, line, "expected 'Name | ALIAS | ...'");
            List<String> aliases = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) if (!parts[i].isBlank()) aliases.add(parts[i].strip());
            try {
                entries.add(new Entry(parts[0].strip(), line.section(), aliases));
            } catch (IllegalArgumentException e) {
                throw SectionedText.error(source, line, e.getMessage());
            }
        }
        return new MerchantDirectory(entries);
    }

    /**
     * The directory in its text format (round-trips through {@link #parse}, entry order included: a section header is
     * written whenever the category changes, so a category may have several sections).
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        String section = null;
        for (Entry e : entries) {
            if (!e.category().equals(section)) {
                section = e.category();
                sb.append('[').append(section).append("]\n");
            }
            sb.append(e.name().replace('|', '/'));
            for (String a : e.aliases()) sb.append(" | ").append(a.replace('|', '/'));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** All entries, in order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The categories used by the entries, in first-seen order. */
    public List<String> categories() {
        return categories;
    }

    /** A builder holding this directory's entries. */
    public Builder toBuilder() {
        return new Builder(entries);
    }

    /** A builder starting empty. */
    public static Builder builder() {
        return new Builder(List.of());
    }

    /**
     * The best match in a description, if any: a full match beats a partial one; among full matches, one that
     * overlaps the merchant name the normaliser found beats one outside it (so "LYFT *TRIP.COM" is Lyft), then the
     * longest wins, then the earliest.
     */
    public Optional<Match> match(NormalizedDescription d) {
        String s = d.squashed();
        int n = s.length();
        int m0 = d.merchantStart(), m1 = Math.max(d.merchantEnd(), d.merchantStart() + 1);
        int bestLen = 0, bestEntry = -1, bestCat = -1, bestStart = -1, bestEnd = -1;
        boolean bestPartial = false, bestInside = false;
        for (int t = 0; t < d.size(); t++) {
            if (d.word(t).isEmpty()) continue;
            int start = d.offset(t);
            int node = 0, pos = start;
            while (pos < n) {
                node = child(node, s.charAt(pos));
                if (node < 0) break;
                pos++;
                int id = terminal[node];
                if (id < 0) continue;
                boolean boundary = d.isTokenEnd(pos);
                if (!boundary && !(midwordOk[node] && d.tokenAt(pos - 1) == t && noiseRemainder(d, s, pos)))
                    continue; // mid-word: one token only, and the rest of it must be statement noise
                int len = pos - start;
                int lastToken = d.tokenAt(pos - 1);
                boolean inside = t < m1 && lastToken >= m0;
                boolean better = bestStart < 0 || bestPartial || (inside && !bestInside)
                        || (inside == bestInside && len > bestLen);
                if (better) {
                    bestLen = len;
                    bestEntry = id;
                    bestCat = -1;
                    bestStart = start;
                    bestEnd = pos;
                    bestPartial = false;
                    bestInside = inside;
                }
            }
            boolean inMerchant = t >= d.merchantStart() && (t < d.merchantEnd() || d.merchantEnd() == d.merchantStart());
            if (pos == n && node > 0 && inMerchant && (bestStart < 0 || bestPartial) && pos - start >= MIN_PARTIAL
                    && pos - start > bestLen && subtreeCategory[node] >= 0 && terminal[node] < 0
                    && d.tokenAt(pos - 1) > t) {
                bestLen = pos - start;
                bestEntry = subtreeEntry[node];
                bestCat = subtreeCategory[node];
                bestStart = start;
                bestEnd = pos;
                bestPartial = true;
            }
        }
        if (bestStart < 0) return Optional.empty();
        String category = bestCat >= 0 ? categories.get(bestCat) : entries.get(bestEntry).category();
        Entry entry = bestEntry >= 0 ? entries.get(bestEntry) : firstOf(category);
        int t0 = d.tokenAt(bestStart);
        int t1 = d.tokenAt(Math.max(bestStart, bestEnd - 1)) + 1;
        return Optional.of(new Match(entry, category, t0, t1, bestLen, bestPartial));
    }

    /** What may follow a one-word alias inside a token: web suffixes and their truncations, company forms. */
    private static final Set<String> NOISE_SUFFIXES = Set.of("C", "CO", "COM", "NET", "ORG", "US", "USA", "INC", "LLC",
            "IO", "APP", "TV");

    /**
     * True when the rest of the token after a mid-word match is noise (contains a digit, or is a web or company
     * suffix: "NETFLIXCOM", "PARKMOBILE7"), not the rest of an English word ("ASSOCIA" must not match
     * "ASSOCIATION", nor "SOUTHWEST" "SOUTHWESTERN", nor "TARGET" "TARGETED").
     */
    private static boolean noiseRemainder(NormalizedDescription d, String s, int pos) {
        int end = pos;
        boolean digit = false;
        while (end < s.length() && !d.isTokenEnd(end)) {
            digit |= Character.isDigit(s.charAt(end));
            end++;
        }
        return digit || NOISE_SUFFIXES.contains(s.substring(pos, end));
    }

    private Entry firstOf(String category) {
        for (Entry e : entries) if (e.category().equals(category)) return e;
        throw new IllegalStateException("no entry of category " + category);
    }

    private int child(int node, char c) {
        for (int ch = firstChild[node]; ch >= 0; ch = nextSibling[ch]) if (label[ch] == c) return ch;
        return -1;
    }

    /** Approximate heap use in bytes. */
    public long ramBytesUsed() {
        long aliasChars = 0;
        for (Entry e : entries) for (String a : e.aliases()) aliasChars += 48 + 2L * a.length();
        return 18L * label.length + aliasChars + 96L * entries.size();
    }

    /** Builds a {@link MerchantDirectory}. Not thread-safe. */
    public static final class Builder {
        private final List<Entry> entries;

        private Builder(List<Entry> start) {
            entries = new ArrayList<>(start);
        }

        /** Adds an entry; an alias shared with an earlier entry keeps the earlier entry. */
        public Builder add(String name, String category, String... aliases) {
            entries.add(new Entry(name, category, List.of(aliases)));
            return this;
        }

        /** Adds every entry of another directory after the existing ones (existing aliases keep winning). */
        public Builder addAll(MerchantDirectory other) {
            entries.addAll(other.entries);
            return this;
        }

        /** Removes every entry the predicate accepts; returns how many were removed. */
        public int removeIf(Predicate<Entry> filter) {
            int before = entries.size();
            entries.removeIf(filter);
            return before - entries.size();
        }

        /** Adds an entry, placed first so its aliases win over existing ones. */
        public Builder addFirst(String name, String category, String... aliases) {
            entries.add(0, new Entry(name, category, List.of(aliases)));
            return this;
        }

        /** Removes every entry with this canonical name (case-insensitive); returns how many were removed. */
        public int remove(String name) {
            int before = entries.size();
            entries.removeIf(e -> e.name().equalsIgnoreCase(name));
            return before - entries.size();
        }

        /** Keeps only entries whose category is in {@code keep}. */
        public Builder retainCategories(Set<String> keep) {
            entries.removeIf(e -> !keep.contains(e.category()));
            return this;
        }

        /** The directory. */
        public MerchantDirectory build() {
            return new MerchantDirectory(entries);
        }
    }
}
