package io.finrec.nlp.sentiment;

/**
 * The few Python {@code str} semantics VADER depends on, reproduced exactly: {@code str.isspace()} (used by
 * {@code split()} and {@code strip()}), {@code str.isupper()}, and membership in {@code string.punctuation}.
 * Stateless and thread-safe.
 */
final class PyText {
    private PyText() {}

    /** Python's {@code ch.isspace()} for one UTF-16 unit (every such code point is in the BMP). */
    static boolean isSpace(char c) {
        if (c <= ' ') return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
        if (c < 0x85) return false;
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
                || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** Python's {@code string.punctuation}: the 32 ASCII punctuation characters. */
    static boolean isPunct(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    /** Python's {@code s.strip()}. */
    static String strip(String s) {
        int b = 0, e = s.length();
        while (b < e && isSpace(s.charAt(b))) b++;
        while (e > b && isSpace(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    /**
     * Python's {@code s[from:to].isupper()}: no lowercase or titlecase character and at least one uppercase one
     * (Unicode derived properties Lowercase/Uppercase, which Java's {@link Character#isLowerCase(int)} also uses).
     */
    static boolean isUpper(CharSequence s, int from, int to) {
        boolean cased = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z') return false;
                if (c >= 'A' && c <= 'Z') cased = true;
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && k + 1 < to && Character.isLowSurrogate(s.charAt(k + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++k));
            }
            if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) return false;
            if (Character.isUpperCase(cp)) cased = true;
        }
        return cased;
    }
}
