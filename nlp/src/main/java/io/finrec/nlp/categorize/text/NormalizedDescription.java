package io.finrec.nlp.categorize.text;

import java.util.List;

/**
 * A statement description split into classified tokens, with the statement-format prefixes that were recognised
 * ("POS", "CHECKCARD", "SQ" ...) and the span of tokens holding the merchant name. Produced by
 * {@link DescriptionNormalizer}. Immutable and thread-safe (accessors never expose internal arrays).
 */
public final class NormalizedDescription {
    private final String[] raw;
    private final String[] words;
    private final TokenKind[] kinds;
    private final int[] offsets;
    private final String squashed;
    private final List<String> prefixes;
    private final int merchantStart;
    private final int merchantEnd;
    private final String merchantName;
    private final String merchantKey;

    NormalizedDescription(String[] raw, String[] words, TokenKind[] kinds, List<String> prefixes, int merchantStart,
                          int merchantEnd, String merchantName) {
        this.raw = raw;
        this.words = words;
        this.kinds = kinds;
        this.prefixes = List.copyOf(prefixes);
        this.merchantStart = merchantStart;
        this.merchantEnd = merchantEnd;
        this.merchantName = merchantName;
        offsets = new int[words.length + 1];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            offsets[i] = sb.length();
            sb.append(words[i]);
        }
        offsets[words.length] = sb.length();
        squashed = sb.toString();
        StringBuilder key = new StringBuilder();
        for (int i = merchantStart; i < merchantEnd; i++) {
            if (words[i].isEmpty()) continue;
            if (!key.isEmpty()) key.append(' ');
            key.append(words[i]);
        }
        merchantKey = key.toString();
    }

    /** Number of tokens. */
    public int size() {
        return words.length;
    }

    /** Token {@code i} in upper case with its inner punctuation ("MCDONALD'S", "PMT-WEB", "*"). */
    public String raw(int i) {
        return raw[i];
    }

    /** Token {@code i} squashed to letters and digits ("MCDONALDS"); empty for '*' and '#'. */
    public String word(int i) {
        return words[i];
    }

    /** What token {@code i} is. */
    public TokenKind kind(int i) {
        return kinds[i];
    }

    /** All squashed tokens concatenated (the text merchant aliases are matched against). */
    public String squashed() {
        return squashed;
    }

    /** Offset of token {@code i} in {@link #squashed()}; {@code offset(size())} is its length. */
    public int offset(int i) {
        return offsets[i];
    }

    /** The token whose squashed text starts at or covers {@code offset} (the last token for the end offset). */
    public int tokenAt(int offset) {
        int lo = 0, hi = words.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** True when a token ends exactly at {@code offset} of {@link #squashed()}. */
    public boolean isTokenEnd(int offset) {
        if (offset == squashed.length()) return true;
        int t = tokenAt(offset);
        return offsets[t] == offset;
    }

    /** The statement-format prefixes recognised at the start, in order ("POS", "CHECKCARD", "SQ" ...). */
    public List<String> prefixes() {
        return prefixes;
    }

    /** First token of the merchant span. */
    public int merchantStart() {
        return merchantStart;
    }

    /** End (exclusive) of the merchant span; equal to {@link #merchantStart()} when no merchant was found. */
    public int merchantEnd() {
        return merchantEnd;
    }

    /** The merchant as a display name ("Sakura Sushi Bar"), or "" when none was found. */
    public String merchantName() {
        return merchantName;
    }

    /** The merchant span's squashed words separated by spaces ("SAKURA SUSHI BAR"): a stable key for rules. */
    public String merchantKey() {
        return merchantKey;
    }

    /** The tokens joined by single spaces, '*' and '#' included: a clean upper-case form of the description. */
    public String text() {
        return String.join(" ", raw);
    }

    /** The description with tokens {@code [from, to)} replaced by {@code replacement} (for data augmentation). */
    public String replace(int from, int to, String replacement) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < from; i++) sb.append(raw[i]).append(' ');
        sb.append(replacement);
        for (int i = to; i < raw.length; i++) sb.append(' ').append(raw[i]);
        return sb.toString().strip();
    }

    @Override
    public String toString() {
        return text() + " [merchant " + merchantStart + ".." + merchantEnd + " '" + merchantName + "', prefixes "
                + prefixes + "]";
    }
}
