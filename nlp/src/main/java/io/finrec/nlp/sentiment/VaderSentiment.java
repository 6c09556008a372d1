package io.finrec.nlp.sentiment;

import io.finrec.api.sentiment.SentimentScore;
import io.finrec.api.sentiment.SentimentScorer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * VADER (Valence Aware Dictionary and sEntiment Reasoner) in Java, giving the same numbers as the original Python
 * {@code vaderSentiment} 3.3.2 {@code SentimentIntensityAnalyzer.polarity_scores}: emoji replaced by their
 * descriptions, whitespace tokenisation with punctuation stripped from words but kept on emoticons, boosters and
 * dampeners (with their distance decay), negation including "never so/this", "without a doubt", "no" and "least",
 * the "but" shift (including the original's quirk of re-weighting the first equal score), ALL-CAPS emphasis,
 * "!"/"?" amplification, special-case idioms, and Python's rounding of the results (3 decimals for the proportions,
 * 4 for the compound score).
 *
 * <p>The label follows the usual rule: {@code positive} when compound &ge; 0.05, {@code negative} when compound
 * &le; -0.05, otherwise {@code neutral}.
 *
 * <p>Fast: one pass over the text with no regular expressions and no per-token strings for ASCII words; scratch
 * arrays are reused per thread. Immutable and thread-safe: share one instance.
 */
public final class VaderSentiment implements SentimentScorer {
    static final double B_INCR = 0.293;
    static final double B_DECR = -0.293;
    static final double C_INCR = 0.733;
    static final double N_SCALAR = -0.74;
    /** Compound threshold of the usual positive/negative/neutral labelling. */
    public static final double LABEL_THRESHOLD = 0.05;

    private static final String[] NEGATE = {"aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite"};

    private static final String[] BOOST_UP = {"absolutely", "amazingly", "awfully", "completely", "considerable",
        "considerably", "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
        "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin",
        "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging",
        "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly", "more",
        "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly",
        "total", "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly",
        "very"};
    private static final String[] BOOST_DOWN = {"almost", "barely", "hardly", "just enough", "kind of", "kinda",
        "kindof", "kind-of", "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
        "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of"};

    private static final String[] SPECIAL_PHRASES = {"the shit", "the bomb", "bad ass", "badass", "bus stop",
        "yeah right", "kiss of death", "to die for", "beating heart", "broken heart"};
    private static final double[] SPECIAL_VALUES = {3, 3, 1.5, 1.5, 0.0, -2, -1.5, 3, 3.1, -2.9};

    private final WordTable words;
    private final double[] lexicon;     // by word id; NaN when the word is not in the lexicon
    private final double[] booster;     // by word id; 0 when the word is not a single-word booster/dampener
    private final boolean[] negation;   // by word id; the word is in VADER's NEGATE list
    private final int no, but, kind, of, least, at, very, never, so, this_, without, doubt, or, nor;
    private final int[][] specialSeqs;  // special-case idioms as word-id sequences
    private final double[] specialVals;
    private final int[][] boosterSeqs;  // multi-word boosters ("kind of", "sort of", "just enough")
    private final double[] boosterSeqVals;
    private final int[] emojiKeys;      // sorted single-code-point emoji
    private final String[] emojiDescriptions;
    private final int minEmoji;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private VaderSentiment(VaderLexicon lex) {
        Map<String, Double> boosters = new LinkedHashMap<>();
        for (String b : BOOST_UP) boosters.put(b, B_INCR);
        for (String b : BOOST_DOWN) boosters.put(b, B_DECR);
        Set<String> vocabulary = new LinkedHashSet<>(lex.valences().keySet());
        for (String w : boosters.keySet()) vocabulary.addAll(Arrays.asList(w.split(" ")));
        vocabulary.addAll(Arrays.asList(NEGATE));
        for (String w : SPECIAL_PHRASES) vocabulary.addAll(Arrays.asList(w.split(" ")));
        vocabulary.addAll(List.of("no", "but", "kind", "of", "least", "at", "very", "never", "so", "this", "without",
                "doubt", "or", "nor"));
        words = new WordTable(vocabulary);
        int size = words.size();
        lexicon = new double[size];
        Arrays.fill(lexicon, Double.NaN);
        lex.valences().forEach((w, v) -> lexicon[words.id(w)] = v);
        booster = new double[size];
        boosters.forEach((w, v) -> {
            if (w.indexOf(' ') < 0) booster[words.id(w)] = v;
        });
        negation = new boolean[size];
        for (String w : NEGATE) negation[words.id(w)] = true;
        no = words.id("no");
        but = words.id("but");
        kind = words.id("kind");
        of = words.id("of");
        least = words.id("least");
        at = words.id("at");
        very = words.id("very");
        never = words.id("never");
        so = words.id("so");
        this_ = words.id("this");
        without = words.id("without");
        doubt = words.id("doubt");
        or = words.id("or");
        nor = words.id("nor");
        List<int[]> ss = new ArrayList<>();
        List<Double> sv = new ArrayList<>();
        for (int k = 0; k < SPECIAL_PHRASES.length; k++) {
            if (SPECIAL_PHRASES[k].indexOf(' ') < 0) continue; // "badass": VADER only looks up 2- and 3-word joins
            ss.add(ids(SPECIAL_PHRASES[k]));
            sv.add(SPECIAL_VALUES[k]);
        }
        specialSeqs = ss.toArray(new int[0][]);
        specialVals = sv.stream().mapToDouble(Double::doubleValue).toArray();
        List<int[]> bs = new ArrayList<>();
        List<Double> bv = new ArrayList<>();
        boosters.forEach((w, v) -> {
            if (w.indexOf(' ') < 0) return;
            bs.add(ids(w));
            bv.add(v);
        });
        boosterSeqs = bs.toArray(new int[0][]);
        boosterSeqVals = bv.stream().mapToDouble(Double::doubleValue).toArray();
        String[][] desc = new String[1][];
        emojiKeys = lex.singleCodePointEmoji(desc);
        emojiDescriptions = desc[0];
        minEmoji = emojiKeys.length == 0 ? Integer.MAX_VALUE : emojiKeys[0];
    }

    /** A scorer over the built-in VADER lexicons. */
    public static VaderSentiment create() {
        return Holder.DEFAULT;
    }

    /** A scorer over the given lexicons (for instance the built-in one with domain words added). */
    public static VaderSentiment create(VaderLexicon lexicon) {
        return new VaderSentiment(Objects.requireNonNull(lexicon, "lexicon"));
    }

    private static final class Holder {
        static final VaderSentiment DEFAULT = new VaderSentiment(VaderLexicon.builtIn());
    }

    private int[] ids(String phrase) {
        String[] p = phrase.split(" ");
        int[] out = new int[p.length];
        for (int k = 0; k < p.length; k++) out[k] = words.id(p[k]);
        return out;
    }

    /** Per-thread reusable arrays. */
    private static final class Scratch {
        int[] ids = new int[64];
        boolean[] upper = new boolean[64];
        boolean[] negated = new boolean[64];
        double[] sentiments = new double[64];
        char[] lower = new char[64];

        void ensure(int n) {
            if (n <= ids.length) return;
            int c = Math.max(n, ids.length * 2);
            ids = Arrays.copyOf(ids, c);
            upper = Arrays.copyOf(upper, c);
            negated = Arrays.copyOf(negated, c);
            sentiments = new double[c];
        }
    }

    /**
     * Scores a text. Returns VADER's neg/neu/pos proportions (rounded to 3 decimals) and compound score (rounded to
     * 4 decimals), with a positive/neutral/negative label. Empty or whitespace-only text scores all zeros, neutral.
     */
    @Override
    public SentimentScore score(String text) {
        Objects.requireNonNull(text, "text");
        double[] r = new double[4];
        polarity(text, r);
        return new SentimentScore(r[0], r[1], r[2], r[3], label(r[3]));
    }

    /** The usual label for a compound score: positive (&ge; 0.05), negative (&le; -0.05) or neutral. */
    public static String label(double compound) {
        return compound >= LABEL_THRESHOLD ? "positive" : compound <= -LABEL_THRESHOLD ? "negative" : "neutral";
    }

    /**
     * Allocation-light scoring: writes {neg, neu, pos, compound} (rounded as in {@link #score}) into {@code out},
     * which must have length &ge; 4.
     */
    public void polarity(String text, double[] out) {
        Objects.requireNonNull(text, "text");
        if (out.length < 4) throw new IllegalArgumentException("out: needs length >= 4, has " + out.length);
        Scratch s = scratch.get();
        String t = replaceEmoji(text);
        int n = tokenize(t, s);
        int[] ids = s.ids;
        double[] sent = s.sentiments;
        int upperCount = 0;
        for (int i = 0; i < n; i++) if (s.upper[i]) upperCount++;
        boolean capDiff = upperCount > 0 && upperCount < n;
        int butAt = -1;
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            if (butAt < 0 && id == but) butAt = i;
            if (id >= 0 && booster[id] != 0) {
                sent[i] = 0;
            } else if (i < n - 1 && id == kind && ids[i + 1] == of) {
                sent[i] = 0;
            } else {
                sent[i] = valence(s, n, i, capDiff);
            }
        }
        if (butAt >= 0) butCheck(sent, n, butAt);
        score(sent, n, t, out);
    }

    private boolean inLexicon(int id) {
        return id >= 0 && !Double.isNaN(lexicon[id]);
    }

    private double valence(Scratch s, int n, int i, boolean capDiff) {
        int[] ids = s.ids;
        int id = ids[i];
        if (!inLexicon(id)) return 0;
        double v = lexicon[id];
        if (id == no && i != n - 1 && inLexicon(ids[i + 1])) v = 0.0;
        if ((i > 0 && ids[i - 1] == no) || (i > 1 && ids[i - 2] == no)
                || (i > 2 && ids[i - 3] == no && (ids[i - 1] == or || ids[i - 1] == nor))) {
            v = lexicon[id] * N_SCALAR;
        }
        if (s.upper[i] && capDiff) v = v > 0 ? v + C_INCR : v - C_INCR;
        for (int startI = 0; startI < 3; startI++) {
            int j = i - (startI + 1);
            if (i > startI && !inLexicon(ids[j])) {
                double sc = scalarIncDec(s, j, v, capDiff);
                if (startI == 1 && sc != 0) sc = sc * 0.95;
                if (startI == 2 && sc != 0) sc = sc * 0.9;
                v = v + sc;
                v = negationCheck(s, v, startI, i);
                if (startI == 2) v = specialIdioms(ids, n, v, i);
            }
        }
        return leastCheck(ids, v, i);
    }

    private double scalarIncDec(Scratch s, int j, double valence, boolean capDiff) {
        double scalar = 0.0;
        int w = s.ids[j];
        if (w >= 0 && booster[w] != 0) {
            scalar = booster[w];
            if (valence < 0) scalar *= -1;
            if (s.upper[j] && capDiff) scalar = valence > 0 ? scalar + C_INCR : scalar - C_INCR;
        }
        return scalar;
    }

    private double negationCheck(Scratch s, double v, int startI, int i) {
        int[] w = s.ids;
        boolean[] neg = s.negated;
        if (startI == 0) {
            if (neg[i - 1]) v = v * N_SCALAR;
        } else if (startI == 1) {
            if (w[i - 2] == never && (w[i - 1] == so || w[i - 1] == this_)) {
                v = v * 1.25;
            } else if (w[i - 2] == without && w[i - 1] == doubt) {
                // unchanged
            } else if (neg[i - 2]) {
                v = v * N_SCALAR;
            }
        } else {
            if ((w[i - 3] == never && (w[i - 2] == so || w[i - 2] == this_)) || (w[i - 1] == so || w[i - 1] == this_)) {
                v = v * 1.25;
            } else if (w[i - 3] == without && (w[i - 2] == doubt || w[i - 1] == doubt)) {
                // unchanged
            } else if (neg[i - 3]) {
                v = v * N_SCALAR;
            }
        }
        return v;
    }

    private double specialIdioms(int[] w, int n, double v, int i) {
        // onezero, twoonezero, twoone, threetwoone, threetwo: the first that is a special case wins
        int k;
        if ((k = special(w[i - 1], w[i], -2)) >= 0 || (k = special(w[i - 2], w[i - 1], w[i])) >= 0
                || (k = special(w[i - 2], w[i - 1], -2)) >= 0 || (k = special(w[i - 3], w[i - 2], w[i - 1])) >= 0
                || (k = special(w[i - 3], w[i - 2], -2)) >= 0) {
            v = specialVals[k];
        }
        if (n - 1 > i && (k = special(w[i], w[i + 1], -2)) >= 0) v = specialVals[k];
        if (n - 1 > i + 1 && (k = special(w[i], w[i + 1], w[i + 2])) >= 0) v = specialVals[k];
        // booster/dampener n-grams: threetwoone, threetwo, twoone
        v += boosterSeq(w[i - 3], w[i - 2], w[i - 1]);
        v += boosterSeq(w[i - 3], w[i - 2], -2);
        v += boosterSeq(w[i - 2], w[i - 1], -2);
        return v;
    }

    /** Index of the special case equal to the 2- or 3-word sequence (c == -2 for two words), or -1. */
    private int special(int a, int b, int c) {
        if (a < 0 || b < 0 || c == -1) return -1;
        int[][] seqs = specialSeqs;
        for (int k = 0; k < seqs.length; k++) {
            int[] q = seqs[k];
            if (q[0] == a && q[1] == b && (c == -2 ? q.length == 2 : q.length == 3 && q[2] == c)) return k;
        }
        return -1;
    }

    private double boosterSeq(int a, int b, int c) {
        if (a < 0 || b < 0 || c == -1) return 0;
        double add = 0;
        for (int k = 0; k < boosterSeqs.length; k++) {
            int[] q = boosterSeqs[k];
            if (q[0] == a && q[1] == b && (c == -2 ? q.length == 2 : q.length == 3 && q[2] == c)) add += boosterSeqVals[k];
        }
        return add;
    }

    private double leastCheck(int[] w, double v, int i) {
        if (i > 1 && w[i - 1] == least && !inLexicon(w[i - 1])) {
            if (w[i - 2] != at && w[i - 2] != very) v = v * N_SCALAR;
        } else if (i > 0 && w[i - 1] == least && !inLexicon(w[i - 1])) {
            v = v * N_SCALAR;
        }
        return v;
    }

    /**
     * VADER's "but" rule with the original's list semantics: for each position in order, the score there is looked
     * up with {@code list.index(score)} (the first equal score) and that first occurrence is scaled by 0.5 before
     * "but" and 1.5 after it. Zeros are fixed points and are skipped.
     */
    static void butCheck(double[] s, int n, int bi) {
        if (n <= 1024) {
            for (int p = 0; p < n; p++) {
                double v = s[p];
                if (v == 0) continue;
                int si = 0;
                while (s[si] != v) si++;
                if (si < bi) s[si] = v * 0.5;
                else if (si > bi) s[si] = v * 1.5;
            }
            return;
        }
        Map<Long, TreeSet<Integer>> where = new HashMap<>();
        for (int p = 0; p < n; p++) if (s[p] != 0) where.computeIfAbsent(Double.doubleToLongBits(s[p]), x -> new TreeSet<>()).add(p);
        for (int p = 0; p < n; p++) {
            double v = s[p];
            if (v == 0) continue;
            TreeSet<Integer> at = where.get(Double.doubleToLongBits(v));
            int si = at.first();
            if (si == bi) continue;
            double nv = si < bi ? v * 0.5 : v * 1.5;
            at.remove(si);
            s[si] = nv;
            if (nv != 0) where.computeIfAbsent(Double.doubleToLongBits(nv), x -> new TreeSet<>()).add(si);
        }
    }

    private static void score(double[] sent, int n, String text, double[] out) {
        if (n == 0) {
            out[0] = out[1] = out[2] = out[3] = 0.0;
            return;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) sum += sent[i];
        int ep = 0, qm = 0;
        for (int k = 0, len = text.length(); k < len; k++) {
            char c = text.charAt(k);
            if (c == '!') ep++;
            else if (c == '?') qm++;
        }
        double amp = Math.min(ep, 4) * 0.292 + (qm > 1 ? (qm <= 3 ? qm * 0.18 : 0.96) : 0);
        if (sum > 0) sum += amp;
        else if (sum < 0) sum -= amp;
        double compound = sum / Math.sqrt(sum * sum + 15);
        if (compound < -1.0) compound = -1.0;
        else if (compound > 1.0) compound = 1.0;
        double pos = 0.0, neg = 0.0;
        int neu = 0;
        for (int i = 0; i < n; i++) {
            double v = sent[i];
            if (v > 0) pos += v + 1;
            if (v < 0) neg += v - 1;
            if (v == 0) neu++;
        }
        if (pos > Math.abs(neg)) pos += amp;
        else if (pos < Math.abs(neg)) neg -= amp;
        double total = pos + Math.abs(neg) + neu;
        out[0] = round(Math.abs(neg / total), 3);
        out[1] = round(Math.abs(neu / total), 3);
        out[2] = round(Math.abs(pos / total), 3);
        out[3] = round(compound, 4);
    }

    /** Python's {@code round(x, digits)} (correctly rounded, ties to even on the exact binary value). */
    static double round(double x, int digits) {
        double scale = digits == 3 ? 1e3 : digits == 4 ? 1e4 : Math.pow(10, digits);
        double y = x * scale;
        double frac = y - Math.floor(y);
        if (Math.abs(frac - 0.5) > 1e-6) return Math.rint(y) / scale;
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** VADER's emoji pass: each single-code-point emoji becomes its description, space-separated from a previous word. */
    String replaceEmoji(String text) {
        int len = text.length();
        int k = 0;
        int firstUnit = Math.min(minEmoji, Character.MIN_SURROGATE); // a supplementary emoji starts with a surrogate
        while (k < len && text.charAt(k) < firstUnit) k++;
        if (k == len) return text;
        StringBuilder sb = null;
        boolean prevSpace = k == 0 || text.charAt(k - 1) == ' ';
        while (k < len) {
            int cp = text.codePointAt(k);
            int cc = Character.charCount(cp);
            int e = cp >= minEmoji ? Arrays.binarySearch(emojiKeys, cp) : -1;
            if (e >= 0) {
                if (sb == null) sb = new StringBuilder(len + 32).append(text, 0, k);
                if (!prevSpace) sb.append(' ');
                sb.append(emojiDescriptions[e]);
                prevSpace = false;
            } else {
                if (sb != null) sb.append(text, k, k + cc);
                prevSpace = cp == ' ';
            }
            k += cc;
        }
        return sb == null ? text : sb.toString();
    }

    /** Python's {@code [strip_punc_if_word(w) for w in text.split()]}, as word ids plus per-token flags. */
    private int tokenize(String t, Scratch s) {
        int len = t.length();
        int n = 0;
        int k = 0;
        while (true) {
            while (k < len && PyText.isSpace(t.charAt(k))) k++;
            if (k >= len) break;
            int start = k;
            while (k < len && !PyText.isSpace(t.charAt(k))) k++;
            int end = k;
            int b = start, e = end;
            while (b < e && PyText.isPunct(t.charAt(b))) b++;
            while (e > b && PyText.isPunct(t.charAt(e - 1))) e--;
            if (codePoints(t, b, e) <= 2) {
                b = start;
                e = end;
            }
            s.ensure(n + 1);
            token(t, b, e, s, n);
            n++;
        }
        return n;
    }

    private static int codePoints(String t, int b, int e) {
        int units = e - b;
        if (units <= 2 || units > 4) return units;
        return Character.codePointCount(t, b, e);
    }

    private void token(String t, int b, int e, Scratch s, int n) {
        int len = e - b;
        if (s.lower.length < len) s.lower = new char[Math.max(len, s.lower.length * 2)];
        char[] buf = s.lower;
        int h = 0;
        boolean ascii = true;
        boolean upper = false, lowerSeen = false;
        for (int k = 0; k < len; k++) {
            char c = t.charAt(b + k);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c >= 'A' && c <= 'Z') {
                upper = true;
                c += 32;
            } else if (c >= 'a' && c <= 'z') {
                lowerSeen = true;
            }
            buf[k] = c;
            h = 31 * h + c;
        }
        boolean isUpper;
        if (!ascii) {
            String lo = t.substring(b, e).toLowerCase(Locale.ROOT);
            len = lo.length();
            if (buf.length < len) s.lower = buf = new char[len * 2];
            lo.getChars(0, len, buf, 0);
            h = 0;
            for (int k = 0; k < len; k++) h = 31 * h + buf[k];
            isUpper = PyText.isUpper(t, b, e);
        } else {
            isUpper = upper && !lowerSeen;
        }
        int id = words.find(buf, len, h);
        boolean neg = id >= 0 && negation[id];
        if (!neg) {
            for (int k = 0; k + 2 < len; k++) {
                if (buf[k] == 'n' && buf[k + 1] == '\'' && buf[k + 2] == 't') {
                    neg = true;
                    break;
                }
            }
        }
        s.ids[n] = id;
        s.upper[n] = isUpper;
        s.negated[n] = neg;
    }

    /** Open-addressing map from lower-case words (as char runs) to dense ids; built once, then read-only. */
    private static final class WordTable {
        private final char[][] keys;
        private final int[] slots; // id + 1, 0 = empty

        WordTable(Set<String> vocabulary) {
            keys = new char[vocabulary.size()][];
            int cap = Integer.highestOneBit(Math.max(16, vocabulary.size() * 3)) * 2;
            slots = new int[cap];
            int id = 0;
            for (String w : vocabulary) {
                keys[id] = w.toCharArray();
                int p = mix(w.hashCode()) & (cap - 1);
                while (slots[p] != 0) p = (p + 1) & (cap - 1);
                slots[p] = ++id;
            }
        }

        int size() {
            return keys.length;
        }

        int id(String w) {
            int id = find(w.toCharArray(), w.length(), w.hashCode());
            if (id < 0) throw new IllegalStateException("unknown word " + w);
            return id;
        }

        int find(char[] buf, int len, int h) {
            int mask = slots.length - 1;
            int p = mix(h) & mask;
            while (true) {
                int sl = slots[p];
                if (sl == 0) return -1;
                char[] k = keys[sl - 1];
                if (k.length == len && Arrays.equals(k, 0, len, buf, 0, len)) return sl - 1;
                p = (p + 1) & mask;
            }
        }

        private static int mix(int h) {
            h *= 0x9E3779B9;
            return h ^ (h >>> 15);
        }
    }
}
