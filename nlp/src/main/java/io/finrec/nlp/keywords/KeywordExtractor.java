package io.finrec.nlp.keywords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Extracts financial keywords from short texts (posts, chat messages):
 * <ul>
 *   <li>products, life events, intents and horizon phrases from a curated vocabulary
 *       ({@code financial-vocabulary.tsv}), matched as multi-word phrases over lower-cased tokens with simple
 *       lemmatisation (plurals and possessives fold: "credit cards" and "my baby's" match "credit card" and "baby"),
 *       longest match first;</li>
 *   <li>tickers written as cashtags ({@code $AAPL}, {@code $BRK.B}); crypto tickers also imply the crypto product;</li>
 *   <li>money amounts with a currency symbol, code or word, with k/m/bn/thousand/million/lakh/crore multipliers
 *       ({@code £1.2m}, {@code 3 lakh rupees}, {@code 2000 USD}; the words are {@link MoneyLexicon}'s);</li>
 *   <li>numeric horizons ({@code in 5 years}, {@code 10-year}, {@code next 6 months}) bucketed into
 *       short_term (&lt; 12 months), medium_term (12-60) and long_term (&gt; 60).</li>
 * </ul>
 * No regular expressions; one pass per scanner. Immutable and thread-safe.
 */
public final class KeywordExtractor {
    private static final String RESOURCE = "/io/finrec/nlp/keywords/financial-vocabulary.tsv";
    private static final Set<String> CRYPTO = Set.of("BTC", "ETH", "DOGE", "SOL", "XRP", "ADA", "LTC", "USDT");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30));
    private static final Set<String> HORIZON_LEAD = Set.of("in", "within", "next", "for", "over", "a", "the");

    private static volatile KeywordExtractor builtIn;

    /** Trie node over lemmatised tokens. */
    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        List<String[]> labels; // {category id, canonical}
    }

    private final Node root = new Node();
    private final int phrases;

    private KeywordExtractor(List<String> vocabularyLines, String source) {
        int n = 0;
        for (int ln = 0; ln < vocabularyLines.size(); ln++) {
            String line = vocabularyLines.get(ln).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int tab = line.indexOf('\t');
            if (tab < 0) throw new IllegalArgumentException(source + " line " + (ln + 1) + ": expected labels<TAB>phrases");
            List<String[]> labels = new ArrayList<>();
            for (String l : line.substring(0, tab).split("\\|")) {
                int colon = l.indexOf(':');
                if (colon < 0) throw new IllegalArgumentException(source + " line " + (ln + 1) + ": label '" + l + "' has no category");
                try {
                    KeywordCategory.fromId(l.substring(0, colon));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + " line " + (ln + 1) + ": " + e.getMessage());
                }
                labels.add(new String[] {l.substring(0, colon), l.substring(colon + 1)});
            }
            for (String phrase : line.substring(tab + 1).split(";")) {
                List<String> toks = new ArrayList<>();
                for (Token t : tokenize(phrase.strip())) toks.add(t.lemma);
                if (toks.isEmpty()) continue;
                Node node = root;
                for (String t : toks) node = node.next.computeIfAbsent(t, k -> new Node());
                if (node.labels == null) node.labels = new ArrayList<>();
                for (String[] l : labels) {
                    boolean dup = false;
                    for (String[] e : node.labels) dup |= Arrays.equals(e, l);
                    if (!dup) node.labels.add(l);
                }
                n++;
            }
        }
        if (n == 0) throw new IllegalArgumentException(source + ": the vocabulary has no phrases");
        phrases = n;
    }

    /** The extractor over FinRec's curated vocabulary (loaded once). */
    public static KeywordExtractor builtIn() {
        KeywordExtractor b = builtIn;
        if (b != null) return b;
        synchronized (KeywordExtractor.class) {
            if (builtIn == null) {
                try (InputStream in = KeywordExtractor.class.getResourceAsStream(RESOURCE)) {
                    if (in == null) throw new IOException("missing resource " + RESOURCE);
                    builtIn = fromVocabulary(in, "financial-vocabulary.tsv");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return builtIn;
        }
    }

    /**
     * An extractor over a vocabulary in the same format as the built-in one: {@code category:canonical[|...]<TAB>
     * phrase;phrase...}, {@code #} comments. Errors name the source and line.
     */
    public static KeywordExtractor fromVocabulary(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) lines.add(l);
        }
        return new KeywordExtractor(lines, sourceName);
    }

    /** Number of vocabulary phrases. */
    public int phraseCount() {
        return phrases;
    }

    /** All keywords in the text, ordered by position. Empty text gives an empty list. */
    public List<Keyword> extract(String text) {
        Objects.requireNonNull(text, "text");
        List<Keyword> out = new ArrayList<>();
        List<Token> toks = tokenize(text);
        boolean[] used = new boolean[toks.size()];
        horizons(text, toks, used, out);
        phrases(text, toks, used, out);
        cashtagsAndAmounts(text, out);
        out.sort(Comparator.comparingInt(Keyword::start).thenComparingInt(Keyword::end));
        return out;
    }

    /** The distinct {@code category:canonical} keys of the text, in order of first appearance. */
    public Set<String> keys(String text) {
        Set<String> keys = new LinkedHashSet<>();
        for (Keyword k : extract(text)) keys.add(k.key());
        return keys;
    }

    private void phrases(String text, List<Token> toks, boolean[] used, List<Keyword> out) {
        for (int i = 0; i < toks.size(); ) {
            if (used[i]) {
                i++;
                continue;
            }
            Node node = root;
            int bestEnd = -1;
            Node best = null;
            for (int j = i; j < toks.size() && !used[j]; j++) {
                node = node.next.get(toks.get(j).lemma);
                if (node == null) break;
                if (node.labels != null) {
                    bestEnd = j;
                    best = node;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            int s = toks.get(i).start, e = toks.get(bestEnd).end;
            for (String[] l : best.labels) {
                out.add(new Keyword(KeywordCategory.fromId(l[0]), l[1], text.substring(s, e), s, e));
            }
            for (int j = i; j <= bestEnd; j++) used[j] = true;
            i = bestEnd + 1;
        }
    }

    /** "in 5 years", "10-year", "next 6 months", "30 years away" (but not "5 years old" or "last year"). */
    private static void horizons(String text, List<Token> toks, boolean[] used, List<Keyword> out) {
        for (int i = 0; i + 1 < toks.size(); i++) {
            Token num = toks.get(i);
            Integer value = number(num.lower);
            if (value == null || value <= 0) continue;
            Token unit = toks.get(i + 1);
            java.util.OptionalDouble perUnit = MoneyLexicon.monthsPer(unit.lemma);
            if (perUnit.isEmpty()) continue;
            if (i + 2 < toks.size() && toks.get(i + 2).lower.equals("old")) continue;
            boolean lead = i > 0 && HORIZON_LEAD.contains(toks.get(i - 1).lower);
            boolean trail = i + 2 < toks.size() && (toks.get(i + 2).lower.equals("away") || toks.get(i + 2).lower.equals("horizon"));
            boolean hyphen = unit.start == num.end + 1 && text.charAt(num.end) == '-';
            if (!lead && !trail && !hyphen) continue;
            if (NUMBER_WORDS.containsKey(num.lower) && !lead) continue;
            double m = value * perUnit.getAsDouble();
            String bucket = m < 12 ? "short_term" : m <= 60 ? "medium_term" : "long_term";
            int s = lead ? toks.get(i - 1).start : num.start;
            out.add(new Keyword(KeywordCategory.HORIZON, bucket, text.substring(s, unit.end), s, unit.end));
            if (lead) used[i - 1] = true;
            used[i] = used[i + 1] = true;
        }
    }

    private static Integer number(String s) {
        if (s.isEmpty() || s.length() > 4) return NUMBER_WORDS.get(s);
        for (int k = 0; k < s.length(); k++) if (s.charAt(k) < '0' || s.charAt(k) > '9') return NUMBER_WORDS.get(s);
        return Integer.parseInt(s);
    }

    private static void cashtagsAndAmounts(String text, List<Keyword> out) {
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            String symbolCurrency = MoneyLexicon.currencyOfSymbol(c).orElse(null);
            if (symbolCurrency != null) {
                if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) continue;
                int j = i + 1;
                if (c == '$' && j < len && Character.isLetter(text.charAt(j))) {
                    int e = j;
                    while (e < len && e - j < 6 && Character.isLetter(text.charAt(e))) e++;
                    if (e < len && text.charAt(e) == '.' && e + 1 < len && Character.isLetter(text.charAt(e + 1))
                            && (e + 2 >= len || !Character.isLetterOrDigit(text.charAt(e + 2)))) e += 2;
                    if (e - j <= 6 && (e >= len || !Character.isLetterOrDigit(text.charAt(e)))) {
                        String t = text.substring(j, e).toUpperCase(Locale.ROOT);
                        out.add(new Keyword(KeywordCategory.TICKER, t, text.substring(i, e), i, e));
                        if (CRYPTO.contains(t)) out.add(new Keyword(KeywordCategory.PRODUCT, "crypto", text.substring(i, e), i, e));
                    }
                    i = e - 1;
                    continue;
                }
                while (j < len && text.charAt(j) == ' ') j++;
                int[] end = new int[1];
                BigDecimal v = parseAmount(text, j, end);
                if (v != null) {
                    out.add(new Keyword(KeywordCategory.AMOUNT, canonical(v, symbolCurrency), text.substring(i, end[0]), i, end[0]));
                    i = end[0] - 1;
                }
                continue;
            }
            if (c >= '0' && c <= '9' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '.'
                    && text.charAt(i - 1) != ',')) {
                int[] end = new int[1];
                BigDecimal v = parseAmount(text, i, end);
                if (v == null) continue;
                int k = end[0];
                while (k < len && text.charAt(k) == ' ') k++;
                int w = k;
                while (w < len && Character.isLetter(text.charAt(w))) w++;
                String cur = w > k ? MoneyLexicon.currencyOfWord(text.substring(k, w)).orElse(null) : null;
                if (cur != null && w > k) {
                    out.add(new Keyword(KeywordCategory.AMOUNT, canonical(v, cur), text.substring(i, w), i, w));
                    i = w - 1;
                } else {
                    i = end[0] - 1;
                }
            }
        }
    }

    /** Parses "1,234.5", "30k", "1.2m", "3 lakh" at {@code from}; returns null if no number there. */
    private static BigDecimal parseAmount(String text, int from, int[] end) {
        int len = text.length();
        int j = from;
        StringBuilder digits = new StringBuilder();
        boolean dot = false;
        while (j < len) {
            char d = text.charAt(j);
            if (d >= '0' && d <= '9') {
                digits.append(d);
            } else if (d == ',' && !dot && j + 3 < len + 0 && j + 1 < len && Character.isDigit(text.charAt(j + 1))
                    && digits.length() > 0) {
                // thousands separator
            } else if (d == '.' && !dot && j + 1 < len && Character.isDigit(text.charAt(j + 1)) && digits.length() > 0) {
                dot = true;
                digits.append('.');
            } else {
                break;
            }
            j++;
        }
        if (digits.length() == 0 || digits.length() > 18) return null;
        BigDecimal v = new BigDecimal(digits.toString());
        // multiplier directly attached (30k, 1.2m, 2bn) or as the next word (3 lakh, 5 million)
        int w = j;
        while (w < len && Character.isLetter(text.charAt(w))) w++;
        String suffix = text.substring(j, w).toLowerCase(Locale.ROOT);
        if (!suffix.isEmpty()) {
            BigDecimal m = MoneyLexicon.multiplier(suffix).orElse(null);
            if (m == null) {
                end[0] = j;
                return MoneyLexicon.currencyOfWord(suffix).isPresent() ? v : null;
            }
            v = v.multiply(m);
            j = w;
        } else {
            int k = j;
            while (k < len && text.charAt(k) == ' ') k++;
            int w2 = k;
            while (w2 < len && Character.isLetter(text.charAt(w2))) w2++;
            BigDecimal m = w2 > k ? MoneyLexicon.multiplier(text.substring(k, w2)).orElse(null) : null;
            if (m != null && w2 - k > 2) {
                v = v.multiply(m);
                j = w2;
            }
        }
        end[0] = j;
        return v;
    }

    private static String canonical(BigDecimal v, String currency) {
        return v.stripTrailingZeros().toPlainString() + " " + currency;
    }

    /** A word token: offsets, lower-case form and lemma. */
    record Token(int start, int end, String lower, String lemma) {}

    /** Words are runs of letters and digits (inner apostrophes kept); "401(k)" becomes 401 k. */
    static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int len = text.length();
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int s = i;
            while (i < len) {
                char d = text.charAt(i);
                if (Character.isLetterOrDigit(d)) i++;
                else if ((d == '\'' || d == '\u2019') && i + 1 < len && Character.isLetter(text.charAt(i + 1))) i++;
                else break;
            }
            String lower = text.substring(s, i).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            out.add(new Token(s, i, lower, lemma(lower)));
        }
        return out;
    }

    /** Simple lemmatisation: drop possessive 's, fold plurals (babies→baby, boxes→box, cards→card). */
    static String lemma(String w) {
        if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
        int n = w.length();
        if (n > 4 && w.endsWith("ies")) return w.substring(0, n - 3) + "y";
        if (n > 4 && (w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses")))
            return w.substring(0, n - 2);
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
                && Character.isLetter(w.charAt(n - 2))) return w.substring(0, n - 1);
        return w;
    }
}
