package io.finrec.nlp.categorize.features;

import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.knowledge.CueLexicon;
import io.finrec.nlp.categorize.knowledge.MerchantDirectory;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import io.finrec.nlp.categorize.text.TokenKind;
import io.finrec.nlp.classify.SparseVector;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Turns {@link Evidence} into a hashed sparse feature vector for the softmax model:
 * <ul>
 *   <li>format: recognised prefixes ("POS", "ACHDEBIT", "SQ"), words outside the merchant name ("PAYROLL",
 *       "FEE", "WEB", "ID") and the shapes of numbers, dates, phone numbers, codes and masked accounts;</li>
 *   <li>sequence: bigrams of the description with the merchant name collapsed to one symbol;</li>
 *   <li>merchant: its words and their character 3- to 5-grams;</li>
 *   <li>knowledge: the directory category (full or partial match), cue counts per category (ordinary and
 *       strong), the MCC's category, code and group;</li>
 *   <li>bank signals: direction and size of the amount, round amounts, recurrence period and repeated amounts.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class TransactionFeatures {
    private final FeatureConfig config;
    private final int mask;

    /** An extractor with the given configuration. */
    public TransactionFeatures(FeatureConfig config) {
        this.config = Checks.notNull(config, "config");
        this.mask = config.dimension() - 1;
    }

    /** The configuration. */
    public FeatureConfig config() {
        return config;
    }

    /** The feature vector of one transaction (sorted, distinct indices; duplicate features add up). */
    public SparseVector extract(Evidence e) {
        return extract(e, null);
    }

    /**
     * As {@link #extract(Evidence)}, also listing each feature as "namespace:feature=value@bucket" in
     * {@code names} when it is not null (for explanations; slower).
     */
    public SparseVector extract(Evidence e, java.util.List<String> names) {
        Sink s = new Sink(mask, names);
        NormalizedDescription d = e.text();
        float fw = config.formatWeight(), ww = config.wordWeight(), kw = config.knowledgeWeight();
        // format prefixes
        if (d.prefixes().isEmpty()) s.add("p", "-", fw);
        for (String p : d.prefixes()) s.add("p", p, fw);
        int m0 = d.merchantStart(), m1 = d.merchantEnd();
        MerchantDirectory.Match dm = e.findings().merchant().orElse(null);
        // tokens outside the merchant span; sequence bigrams with the merchant collapsed
        String prev = "^";
        for (int i = 0; i < d.size(); i++) {
            String sym;
            if (i >= m0 && i < m1) {
                if (i > m0) continue;
                sym = "<M>";
            } else {
                TokenKind k = d.kind(i);
                if (k == TokenKind.WORD) {
                    sym = d.word(i);
                    if (!sym.isEmpty()) s.add("f", sym, fw);
                } else {
                    sym = shape(k, d.word(i).length());
                    s.add(i < m0 ? "sb" : "sa", sym, fw);
                }
            }
            if (!sym.isEmpty()) {
                s.add("g", prev + "_" + sym, fw);
                prev = sym;
            }
        }
        s.add("g", prev + "_$", fw);
        // merchant words and character n-grams
        int words = 0;
        for (int i = m0; i < m1; i++) {
            String w = d.word(i);
            if (w.isEmpty()) continue;
            words++;
            s.add("w", w, ww);
            ngrams(s, w);
        }
        s.add("ml", Integer.toString(Math.min(words, 4)), fw);
        // knowledge
        if (dm != null) {
            s.add(dm.partial() ? "dp" : "d", dm.category(), kw);
            if (dm.startToken() < m0 || dm.startToken() >= Math.max(m1, m0 + 1)) s.add("do", dm.category(), kw);
        } else {
            s.add("d", "-", kw);
        }
        CueLexicon.Hits cues = e.findings().cues();
        for (int c = 0; c < cues.categories().size(); c++) {
            if (cues.ordinary()[c] > 0) s.add("k", cues.categories().get(c), kw * Math.min(cues.ordinary()[c], 2));
            if (cues.strong()[c] > 0) s.add("K", cues.categories().get(c), kw * Math.min(cues.strong()[c], 2));
        }
        e.findings().mccCategory().ifPresent(c -> s.add("m", c, kw));
        if (e.mcc().isPresent()) {
            int code = e.mcc().getAsInt();
            s.add("mc", Integer.toString(code), kw);
            s.add("mg", Integer.toString(code / 100), kw);
        }
        // amount and recurrence
        if (e.amount().isPresent()) {
            BigDecimal a = e.amount().get();
            String sign = a.signum() >= 0 ? "+" : "-";
            double abs = Math.abs(a.doubleValue());
            int bucket = Double.isFinite(abs) ? Math.min(16, (int) (Math.log(abs + 1) / Math.log(2))) : 16;
            s.add("a", sign, kw);
            s.add("am", sign + bucket, kw);
            if (abs >= 50 && a.stripTrailingZeros().scale() <= 0) s.add("ar", sign, kw);
        }
        Recurrence r = e.recurrence();
        if (r.period() != Recurrence.Period.NONE) {
            s.add("r", r.period().name(), kw);
            if (r.sameAmount()) s.add("rs", r.period().name(), kw);
        }
        return s.toVector();
    }

    private void ngrams(Sink s, String w) {
        String padded = "<" + w + ">";
        int len = padded.length();
        float nw = config.ngramWeight();
        for (int n = config.minNgram(); n <= config.maxNgram(); n++) {
            for (int i = 0; i + n <= len; i++) s.add('c', padded, i, i + n, nw);
        }
    }

    private static String shape(TokenKind k, int len) {
        return switch (k) {
            case NUMBER -> len <= 2 ? "N2" : len <= 4 ? "N4" : len <= 8 ? "N8" : "N+";
            case CODE -> len <= 8 ? "C8" : "C+";
            case DATE -> "D";
            case PHONE -> "PH";
            case MASKED -> "MA";
            case STAR -> "*";
            case HASH -> "#";
            case WORD -> "W";
        };
    }

    /** Largest value a feature reaches when it repeats (a long run of one n-gram must not dominate). */
    static final float MAX_VALUE = 2f;

    /** Accumulates hashed features; not thread-safe (one per extraction). */
    private static final class Sink {
        private final int mask;
        private final java.util.List<String> names;
        private int[] idx = new int[128];
        private float[] val = new float[128];
        private int n;

        Sink(int mask, java.util.List<String> names) {
            this.mask = mask;
            this.names = names;
        }

        void add(String ns, String feature, float value) {
            int h = 0x811c9dc5;
            for (int i = 0; i < ns.length(); i++) h = (h ^ ns.charAt(i)) * 0x01000193;
            h = (h ^ 0x1f) * 0x01000193;
            for (int i = 0; i < feature.length(); i++) h = (h ^ feature.charAt(i)) * 0x01000193;
            if (names != null) names.add(ns + ":" + feature + "=" + value + "@" + bucket(h));
            put(h, value);
        }

        void add(char ns, String s, int from, int to, float value) {
            int h = 0x811c9dc5;
            h = (h ^ ns) * 0x01000193;
            h = (h ^ 0x1f) * 0x01000193;
            for (int i = from; i < to; i++) h = (h ^ s.charAt(i)) * 0x01000193;
            if (names != null) names.add(ns + ":" + s.substring(from, to) + "=" + value + "@" + bucket(h));
            put(h, value);
        }

        private int bucket(int h) {
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            return h & mask;
        }

        private void put(int h, float value) {
            if (value == 0) return;
            if (n == idx.length) {
                idx = Arrays.copyOf(idx, n * 2);
                val = Arrays.copyOf(val, n * 2);
            }
            idx[n] = bucket(h);
            val[n] = value;
            n++;
        }

        SparseVector toVector() {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) packed[i] = ((long) idx[i] << 32) | i;
            Arrays.sort(packed);
            int[] outIdx = new int[n];
            float[] outVal = new float[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                int id = (int) (packed[i] >>> 32);
                float v = val[(int) packed[i]];
                if (m > 0 && outIdx[m - 1] == id) outVal[m - 1] = Math.min(MAX_VALUE, outVal[m - 1] + v);
                else {
                    outIdx[m] = id;
                    outVal[m] = v;
                    m++;
                }
            }
            return new SparseVector(Arrays.copyOf(outIdx, m), Arrays.copyOf(outVal, m));
        }
    }
}
