package io.finrec.nlp.categorize.text;

import java.text.Normalizer;

/** Small text helpers shared by the normaliser and the knowledge tables. Stateless and thread-safe. */
public final class Words {
    private Words() {}

    /**
     * Upper-case ASCII letters and digits only: "Trader Joe's #123" becomes "TRADERJOES123". Accented letters lose
     * their accents; other characters are dropped.
     */
    public static String squash(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') sb.append((char) (c - 32));
            else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) sb.append(c);
            else if (c > 127) ascii = false;
        }
        if (ascii) return sb.toString();
        return squash(stripAccents(s.toString()).replaceAll("[^\\p{ASCII}]", ""));
    }

    /** Removes diacritics ("Café" becomes "Cafe"). */
    public static String stripAccents(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        }
        return s;
    }

    /** "SAKURA SUSHI BAR" becomes "Sakura Sushi Bar"; words of 3 letters or fewer without vowels stay upper case. */
    public static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (String w : s.trim().split("\\s+")) {
            if (w.isEmpty()) continue;
            if (!sb.isEmpty()) sb.append(' ');
            if (w.length() <= 3 && !w.matches(".*[AEIOUaeiou].*")) {
                sb.append(w.toUpperCase(java.util.Locale.ROOT));
                continue;
            }
            boolean start = true;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
                start = !Character.isLetterOrDigit(c) && c != '\'';
            }
        }
        return sb.toString();
    }
}
