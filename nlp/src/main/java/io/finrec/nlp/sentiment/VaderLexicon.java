package io.finrec.nlp.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The two lexicons VADER reads: word valences ({@code token<TAB>mean<TAB>...}, only the mean is used) and the emoji
 * descriptions ({@code emoji<TAB>description}). Parsing follows vaderSentiment 3.3.2 exactly: each line is stripped of
 * whitespace and split on tabs, empty lexicon lines are skipped, and when a token occurs twice the last occurrence wins.
 *
 * <p>{@link #builtIn()} returns the original MIT-licensed lexicons shipped in this jar (see
 * {@code io/finrec/nlp/sentiment/vader/NOTICE.md}). Immutable and thread-safe.
 */
public final class VaderLexicon {
    private static final String RESOURCE_DIR = "/io/finrec/nlp/sentiment/vader/";
    private static volatile VaderLexicon builtIn;

    private final Map<String, Double> valences;
    private final Map<String, String> emojis;

    private VaderLexicon(Map<String, Double> valences, Map<String, String> emojis) {
        this.valences = Collections.unmodifiableMap(valences);
        this.emojis = Collections.unmodifiableMap(emojis);
    }

    /** The original VADER lexicons (7,506 tokens, 3,570 emoji), loaded once from the classpath. */
    public static VaderLexicon builtIn() {
        VaderLexicon b = builtIn;
        if (b == null) {
            synchronized (VaderLexicon.class) {
                b = builtIn;
                if (b == null) {
                    try {
                        b = read(resource("vader_lexicon.txt"), "vader_lexicon.txt",
                                resource("emoji_utf8_lexicon.txt"), "emoji_utf8_lexicon.txt");
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the built-in VADER lexicon", e);
                    }
                    builtIn = b;
                }
            }
        }
        return b;
    }

    /** Reads a valence lexicon and an emoji lexicon in VADER's formats (UTF-8; malformed bytes are an error). */
    public static VaderLexicon read(Path lexicon, Path emojiLexicon) throws IOException {
        Objects.requireNonNull(lexicon, "lexicon");
        Objects.requireNonNull(emojiLexicon, "emojiLexicon");
        return read(Files.newInputStream(lexicon), lexicon.toString(), Files.newInputStream(emojiLexicon),
                emojiLexicon.toString());
    }

    /** Reads both lexicons from streams, which it closes; the names appear in error messages. */
    public static VaderLexicon read(InputStream lexicon, String lexiconName, InputStream emojiLexicon, String emojiName)
            throws IOException {
        Objects.requireNonNull(lexicon, "lexicon");
        Objects.requireNonNull(emojiLexicon, "emojiLexicon");
        Map<String, Double> valences = new LinkedHashMap<>();
        Map<String, String> emojis = new LinkedHashMap<>();
        try (lexicon; emojiLexicon) {
            String[] lines = lines(lexicon, lexiconName);
            for (int n = 0; n < lines.length; n++) {
                if (lines[n].isEmpty()) continue;
                String[] f = fields(lines[n], lexiconName, n + 1);
                double v;
                try {
                    v = Double.parseDouble(f[1].strip());
                } catch (NumberFormatException e) {
                    throw new IOException(lexiconName + " line " + (n + 1) + ": field 'mean' is not a number: " + f[1]);
                }
                if (!Double.isFinite(v)) throw new IOException(lexiconName + " line " + (n + 1) + ": field 'mean' is not finite");
                valences.put(f[0], v);
            }
            String[] elines = lines(emojiLexicon, emojiName);
            for (int n = 0; n < elines.length; n++) {
                String[] f = fields(elines[n], emojiName, n + 1);
                emojis.put(f[0], f[1]);
            }
        }
        if (valences.isEmpty()) throw new IOException(lexiconName + ": the lexicon has no entries");
        return new VaderLexicon(valences, emojis);
    }

    /** Builds a lexicon from maps (e.g. the built-in one with domain words added); keys are matched in lower case. */
    public static VaderLexicon of(Map<String, Double> valences, Map<String, String> emojis) {
        Map<String, Double> v = new LinkedHashMap<>();
        valences.forEach((k, x) -> {
            if (k == null || k.isEmpty()) throw new IllegalArgumentException("valences: empty token");
            if (x == null || !Double.isFinite(x)) throw new IllegalArgumentException("valences: token '" + k + "' has no finite valence");
            v.put(k, x);
        });
        Map<String, String> e = new LinkedHashMap<>();
        emojis.forEach((k, d) -> {
            if (k == null || k.isEmpty() || d == null) throw new IllegalArgumentException("emojis: empty emoji or description");
            e.put(k, d);
        });
        return new VaderLexicon(v, e);
    }

    /** Token → mean valence, in file order (unmodifiable). */
    public Map<String, Double> valences() {
        return valences;
    }

    /** Emoji → description, in file order (unmodifiable). Only single-code-point emoji are replaced, as in VADER. */
    public Map<String, String> emojis() {
        return emojis;
    }

    /** The valence of a token exactly as listed (VADER looks tokens up in lower case). */
    public OptionalDouble valence(String token) {
        Double v = valences.get(token);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = VaderLexicon.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) throw new IOException("missing resource " + RESOURCE_DIR + name);
        return in;
    }

    /** Python's {@code text.rstrip('\n').split('\n')}. */
    private static String[] lines(InputStream in, String name) throws IOException {
        Reader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        StringBuilder sb = new StringBuilder(1 << 16);
        char[] buf = new char[1 << 14];
        try {
            for (int n; (n = r.read(buf)) > 0; ) sb.append(buf, 0, n);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(name + ": invalid UTF-8", e);
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '\n') end--;
        if (end == 0) return new String[] {""};
        return sb.substring(0, end).split("\n", -1);
    }

    /** Python's {@code line.strip().split('\t')[0:2]}, which must give two fields. */
    private static String[] fields(String line, String name, int lineNo) throws IOException {
        String s = PyText.strip(line);
        int tab = s.indexOf('\t');
        if (tab < 0) throw new IOException(name + " line " + lineNo + ": expected at least 2 tab-separated fields");
        int tab2 = s.indexOf('\t', tab + 1);
        return new String[] {s.substring(0, tab), s.substring(tab + 1, tab2 < 0 ? s.length() : tab2)};
    }

    @Override
    public String toString() {
        return "VaderLexicon[" + valences.size() + " tokens, " + emojis.size() + " emoji]";
    }

    /** Single-code-point emoji keys, sorted, with their descriptions (what VADER's per-character loop can match). */
    int[] singleCodePointEmoji(String[][] descriptionsOut) {
        int[] keys = new int[emojis.size()];
        String[] desc = new String[emojis.size()];
        int n = 0;
        for (Map.Entry<String, String> e : emojis.entrySet()) {
            String k = e.getKey();
            if (k.codePointCount(0, k.length()) == 1) {
                keys[n] = k.codePointAt(0);
                desc[n++] = e.getValue();
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        int[] kk = keys;
        Arrays.sort(order, (a, b) -> Integer.compare(kk[a], kk[b]));
        int[] sorted = new int[n];
        String[] sd = new String[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = keys[order[i]];
            sd[i] = desc[order[i]];
        }
        descriptionsOut[0] = sd;
        return sorted;
    }
}
