package io.finrec.nlp.classify;

import io.finrec.api.model.ModelFormatException;
import io.finrec.api.model.Payloads;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * TF-IDF features of short texts in two blocks, each L2-normalised: word 1..{@code wordNgrams}-grams and character
 * {@code charMin}..{@code charMax}-grams (of code points) inside each whitespace-separated word padded with spaces (like
 * scikit-learn's {@code char_wb}). Text is lower-cased, URLs become {@code httpurl} and {@code @mentions} become
 * {@code @user}; words are runs of letters, digits, {@code $}, {@code %} and inner apostrophes (so cashtags and
 * percentages survive). Terms seen in fewer than {@code minDf} training texts are dropped; tf is sublinear
 * ({@code 1 + ln tf}) and idf smooth ({@code ln((1 + n) / (1 + df)) + 1}).
 *
 * <p>Built by {@link #fit}; immutable and thread-safe afterwards.
 */
public final class TfIdfVectorizer {
    /**
     * Vectorizer settings. Immutable.
     *
     * @param wordNgrams longest word n-gram (1 = words only)
     * @param charMin    shortest character n-gram (0 together with charMax 0 disables the block)
     * @param charMax    longest character n-gram
     * @param minDf      minimum number of training texts a term must occur in
     */
    public record Config(int wordNgrams, int charMin, int charMax, int minDf) {
        public Config {
            if (wordNgrams < 1 || wordNgrams > 4) throw new IllegalArgumentException("wordNgrams: must be in [1, 4], was " + wordNgrams);
            if (charMin < 0 || charMax < charMin || charMax > 8)
                throw new IllegalArgumentException("charMin/charMax: need 0 <= charMin <= charMax <= 8, were " + charMin + "/" + charMax);
            if (charMin == 0 && charMax != 0) throw new IllegalArgumentException("charMin: 0 only with charMax 0");
            if (minDf < 1) throw new IllegalArgumentException("minDf: must be >= 1, was " + minDf);
        }

        /** Word 1-2-grams, character 2-5-grams, min df 2. */
        public static Config defaults() {
            return new Config(2, 2, 5, 2);
        }
    }

    private final Config config;
    private final Map<String, Integer> words;
    private final Map<String, Integer> chars;
    private final float[] wordIdf;
    private final float[] charIdf;

    private TfIdfVectorizer(Config config, Map<String, Integer> words, float[] wordIdf, Map<String, Integer> chars,
                            float[] charIdf) {
        this.config = config;
        this.words = words;
        this.wordIdf = wordIdf;
        this.chars = chars;
        this.charIdf = charIdf;
    }

    /** Learns the vocabularies and idf weights from training texts. */
    public static TfIdfVectorizer fit(List<String> texts, Config config) {
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(config, "config");
        if (texts.isEmpty()) throw new IllegalArgumentException("texts: no training texts");
        Map<String, int[]> wdf = new HashMap<>(), cdf = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t == null) throw new NullPointerException("texts: null at row " + i);
            Map<String, Integer> w = new HashMap<>(), c = new HashMap<>();
            terms(normalize(t), config, w, c);
            for (String k : w.keySet()) wdf.computeIfAbsent(k, x -> new int[1])[0]++;
            for (String k : c.keySet()) cdf.computeIfAbsent(k, x -> new int[1])[0]++;
        }
        int n = texts.size();
        Map<String, Integer> wv = new HashMap<>(), cv = new HashMap<>();
        float[] widf = vocabulary(wdf, config.minDf(), n, wv);
        float[] cidf = vocabulary(cdf, config.minDf(), n, cv);
        return new TfIdfVectorizer(config, wv, widf, cv, cidf);
    }

    private static float[] vocabulary(Map<String, int[]> df, int minDf, int n, Map<String, Integer> out) {
        List<String> keep = new ArrayList<>();
        for (Map.Entry<String, int[]> e : df.entrySet()) if (e.getValue()[0] >= minDf) keep.add(e.getKey());
        keep.sort(null); // deterministic ids
        float[] idf = new float[keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            out.put(keep.get(i), i);
            idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df.get(keep.get(i))[0])) + 1);
        }
        return idf;
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    /** Total number of features (word block first, then character block). */
    public int dimension() {
        return wordIdf.length + charIdf.length;
    }

    /** Number of word n-gram features. */
    public int wordFeatures() {
        return wordIdf.length;
    }

    /** The TF-IDF vector of a text, indices in [offset, offset + dimension()). */
    public SparseVector transform(String text, int offset) {
        Objects.requireNonNull(text, "text");
        Map<String, Integer> w = new HashMap<>(), c = new HashMap<>();
        terms(normalize(text), config, w, c);
        int[] idx = new int[w.size() + c.size()];
        float[] val = new float[idx.length];
        int n = block(w, words, wordIdf, offset, idx, val, 0);
        n = block(c, chars, charIdf, offset + wordIdf.length, idx, val, n);
        // sort by index
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) packed[i] = ((long) idx[i] << 32) | (Float.floatToRawIntBits(val[i]) & 0xFFFFFFFFL);
        Arrays.sort(packed);
        int[] si = new int[n];
        float[] sv = new float[n];
        for (int i = 0; i < n; i++) {
            si[i] = (int) (packed[i] >>> 32);
            sv[i] = Float.intBitsToFloat((int) packed[i]);
        }
        return new SparseVector(si, sv);
    }

    private static int block(Map<String, Integer> tf, Map<String, Integer> vocab, float[] idf, int offset, int[] idx,
                             float[] val, int n) {
        int start = n;
        double norm = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            Integer id = vocab.get(e.getKey());
            if (id == null) continue;
            float v = (float) ((1 + Math.log(e.getValue())) * idf[id]);
            idx[n] = offset + id;
            val[n++] = v;
            norm += (double) v * v;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = start; i < n; i++) val[i] *= inv;
        }
        return n;
    }

    static String normalize(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(t.length());
        int i = 0, len = t.length();
        while (i < len) {
            if (t.startsWith("http", i) && (t.startsWith("http://", i) || t.startsWith("https://", i))) {
                while (i < len && !Character.isWhitespace(t.charAt(i))) i++;
                sb.append("httpurl");
                continue;
            }
            char c = t.charAt(i);
            if (c == '@' && i + 1 < len && (Character.isLetterOrDigit(t.charAt(i + 1)) || t.charAt(i + 1) == '_')
                    && (i == 0 || Character.isWhitespace(t.charAt(i - 1)))) {
                i++;
                while (i < len && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_')) i++;
                sb.append("@user");
                continue;
            }
            if (Character.isSurrogate(c)) {
                // keep valid pairs, replace lone surrogates so every term survives UTF-8 persistence
                if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(t.charAt(i + 1))) {
                    sb.append(c).append(t.charAt(i + 1));
                    i += 2;
                } else {
                    sb.append('\uFFFD');
                    i++;
                }
                continue;
            }
            sb.append(Character.isWhitespace(c) ? ' ' : c);
            i++;
        }
        return sb.toString();
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '$' || c == '%';
    }

    static void terms(String t, Config cfg, Map<String, Integer> w, Map<String, Integer> c) {
        List<String> toks = new ArrayList<>();
        int len = t.length();
        for (int i = 0; i < len; ) {
            char ch = t.charAt(i);
            if (!wordChar(ch)) {
                i++;
                continue;
            }
            int s = i;
            while (i < len && (wordChar(t.charAt(i))
                    || (t.charAt(i) == '\'' && i + 1 < len && Character.isLetter(t.charAt(i + 1)) && i > s))) i++;
            toks.add(t.substring(s, i));
        }
        for (int n = 1; n <= cfg.wordNgrams(); n++) {
            for (int i = 0; i + n <= toks.size(); i++) {
                String g = n == 1 ? toks.get(i) : String.join(" ", toks.subList(i, i + n));
                w.merge(g, 1, Integer::sum);
            }
        }
        if (cfg.charMax() == 0) return;
        for (int i = 0; i < len; ) {
            while (i < len && t.charAt(i) == ' ') i++;
            if (i >= len) break;
            int s = i;
            while (i < len && t.charAt(i) != ' ') i++;
            int[] cps = (" " + t.substring(s, i) + " ").codePoints().toArray(); // n-grams never split a surrogate pair
            for (int n = cfg.charMin(); n <= cfg.charMax(); n++) {
                if (n > cps.length) break;
                for (int k = 0; k + n <= cps.length; k++) c.merge(new String(cps, k, n), 1, Integer::sum);
            }
        }
    }

    /** Writes settings, vocabularies and idf weights as a payload section. */
    public void writePayload(DataOutputStream out) throws IOException {
        out.writeInt(config.wordNgrams());
        out.writeInt(config.charMin());
        out.writeInt(config.charMax());
        out.writeInt(config.minDf());
        Payloads.writeStrings(out, ordered(words));
        Payloads.writeFloats(out, wordIdf);
        Payloads.writeStrings(out, ordered(chars));
        Payloads.writeFloats(out, charIdf);
    }

    private static List<String> ordered(Map<String, Integer> vocab) {
        String[] a = new String[vocab.size()];
        vocab.forEach((k, v) -> a[v] = k);
        return Arrays.asList(a);
    }

    /** Reads a payload section written by {@link #writePayload}. */
    public static TfIdfVectorizer readPayload(DataInputStream in, Path file) throws IOException {
        Config cfg;
        try {
            cfg = new Config(in.readInt(), in.readInt(), in.readInt(), in.readInt());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "vectorizer: " + e.getMessage());
        }
        int max = 1 << 24;
        List<String> wl = Payloads.readStrings(in, max, "word vocabulary");
        float[] widf = Payloads.readFloats(in, wl.size(), "word idf");
        List<String> cl = Payloads.readStrings(in, max, "char vocabulary");
        float[] cidf = Payloads.readFloats(in, cl.size(), "char idf");
        if (widf.length != wl.size() || cidf.length != cl.size())
            throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "vectorizer: idf/vocabulary sizes differ");
        Map<String, Integer> wv = new HashMap<>(wl.size() * 2), cv = new HashMap<>(cl.size() * 2);
        for (int i = 0; i < wl.size(); i++) wv.put(wl.get(i), i);
        for (int i = 0; i < cl.size(); i++) cv.put(cl.get(i), i);
        if (wv.size() != wl.size() || cv.size() != cl.size())
            throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "vectorizer: duplicate vocabulary entry");
        return new TfIdfVectorizer(cfg, wv, widf, cv, cidf);
    }
}
