package io.finrec.nlp.categorize.text;

import io.finrec.core.util.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cleans a raw bank-statement description: splits it into classified tokens (words, numbers, dates, phone numbers,
 * reference codes, masked account numbers, '*' and '#'), recognises statement-format prefixes (card purchase
 * "POS 4412", "CHECKCARD 0217", "PURCHASE AUTHORIZED ON 01/04", bill pay "ACH DEBIT", "RECURRING PMT",
 * "ELECTRONIC PMT-WEB", payroll "DIRECT DEP", processors "SQ *", "TST *", "PAYPAL *", "PP *", "CLV *" ...) and
 * finds the merchant name between them and the trailing noise (store numbers, reference codes, city and state).
 *
 * <p>Only the first {@value #MAX_CHARS} characters are read: statement descriptions are short, and a longer input
 * is noise that must not slow a batch down. Immutable and thread-safe.
 */
public final class DescriptionNormalizer {
    /** Characters of a description that are read; the rest is ignored. */
    public static final int MAX_CHARS = 512;
    /** Longer letter runs are treated as codes, not words. */
    static final int MAX_WORD = 30;

    private static final Set<String> PROCESSORS = Set.of("SQ", "TST", "PP", "PAYPAL", "CLV", "SP", "IC", "PY", "DD",
            "SQU", "GPAY", "TSTC");
    /** Format prefixes as squashed word sequences; "#" means "an optional number or date token follows". */
    private static final String[][] PREFIXES = {
            {"POS", "DEBIT", "#"}, {"POS", "PURCHASE", "#"}, {"POS", "#"}, {"CHECKCARD", "#"}, {"CHECK", "CARD", "#"},
            {"DEBIT", "CARD", "PURCHASE"}, {"DEBIT", "CARD", "PUR"}, {"DEBIT", "PURCHASE"}, {"CARD", "PURCHASE"},
            {"PURCHASE", "AUTHORIZED", "ON", "#"}, {"PURCHASE", "AUTH", "#"}, {"WITHDRAWAL", "FROM"},
            {"ACH", "DEBIT"}, {"ACH", "CREDIT"}, {"ACH", "PMT"}, {"ACH"}, {"RECURRING", "PMT"},
            {"RECURRING", "PAYMENT"}, {"ELECTRONIC", "PMTWEB"}, {"ELECTRONIC", "PMT", "WEB"},
            {"ELECTRONIC", "PAYMENT"}, {"PREAPPROVED", "PAYMENT", "BILL", "USER", "PAYMENT"},
            {"BILL", "PAYMENT"}, {"BILL", "PAY"}, {"ONLINE", "PMT"}, {"DIRECT", "DEP"}, {"DIRECT", "DEPOSIT"},
            {"DIR", "DEP"}, {"PREAUTHORIZED", "DEPOSIT", "FROM"}, {"PREAUTHORIZED", "DEPOSIT"}, {"MOBILE"},
            {"VISA", "PURCHASE"}, {"EXTERNAL", "WITHDRAWAL"}, {"PURCHASE", "#"}};
    /** Words that end a merchant name once it has at least one word. */
    private static final Set<String> STOP = Set.of("WEB", "ID", "DES", "PPD", "INDN", "PMT", "PMTS", "PAYMENT",
            "PAYMENTS", "AUTOPAY", "BILL", "ONLINE", "CONF", "REF", "FROM", "TO", "PAYROLL", "SALARY", "DEP",
            "INST", "XFER", "TYPE", "OUT", "TRN", "TRACE", "CARD", "WEBPMTS", "ECHECK");
    /** Connectors that cannot end a merchant name ("DELTA DENTAL OF" once the state of "OF CA" is stripped). */
    private static final Set<String> DANGLING = Set.of("OF", "AT", "IN", "AND", "THE", "FOR");

    private final Places places;

    /** A normaliser using the built-in gazetteer. */
    public DescriptionNormalizer() {
        this(Places.builtin());
    }

    /** A normaliser using the given gazetteer. */
    public DescriptionNormalizer(Places places) {
        this.places = Checks.notNull(places, "places");
    }

    /** Normalises one description (any text; blank gives no tokens). */
    public NormalizedDescription normalize(String description) {
        Checks.notNull(description, "description");
        String s = description.length() > MAX_CHARS ? description.substring(0, MAX_CHARS) : description;
        s = Words.stripAccents(s).toUpperCase(Locale.ROOT);
        List<String> raw = new ArrayList<>();
        List<TokenKind> kinds = new ArrayList<>();
        tokenize(s, raw, kinds);
        int n = raw.size();
        String[] rawArr = raw.toArray(new String[0]);
        TokenKind[] kindArr = kinds.toArray(new TokenKind[0]);
        String[] words = new String[n];
        for (int i = 0; i < n; i++) words[i] = kindArr[i] == TokenKind.STAR || kindArr[i] == TokenKind.HASH ? ""
                : Words.squash(rawArr[i]);

        List<String> prefixes = new ArrayList<>();
        int pos = stripPrefixes(words, kindArr, prefixes);
        int start = pos;
        while (start < n && (kindArr[start] == TokenKind.STAR || kindArr[start] == TokenKind.HASH)) start++;
        int end = start;
        if (end < n && kindArr[end] == TokenKind.NUMBER && words[end].length() <= 3 && end + 1 < n
                && kindArr[end + 1] == TokenKind.WORD) end++; // "99 RANCH", "24 HOUR FITNESS"
        while (end < n && kindArr[end] == TokenKind.WORD && !(end > start && STOP.contains(words[end]))) end++;
        end = stripPlace(words, start, end);
        while (end - start > 1 && DANGLING.contains(words[end - 1])) end--;
        String name;
        if (end > start) {
            name = Words.titleCase(joinRaw(rawArr, start, end));
        } else {
            // nothing merchant-like after the prefixes (fees, transfers): the first words of the description
            int a = 0;
            while (a < n && kindArr[a] != TokenKind.WORD) a++;
            int b = a;
            while (b < n && b - a < 3 && kindArr[b] == TokenKind.WORD) b++;
            name = b > a ? Words.titleCase(joinRaw(rawArr, a, b)) : "";
        }
        return new NormalizedDescription(rawArr, words, kindArr, prefixes, start, end, name);
    }

    private static String joinRaw(String[] raw, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(raw[i]);
        }
        return sb.toString();
    }

    private int stripPlace(String[] words, int start, int end) {
        if (end - start < 2) return end;
        String last = words[end - 1];
        if (places.isState(last)) {
            int e = end - 1;
            int city = e - start >= 2 ? places.cityLength(words, start + 1, e, words[e - 1]) : 0;
            return e - city;
        }
        if (last.length() > 4) {
            String state = last.substring(last.length() - 2);
            String cityTail = last.substring(0, last.length() - 2);
            if (places.isState(state)) {
                int city = places.cityLength(words, start + 1, end, cityTail);
                if (city > 0) return end - city;
            }
        }
        return end;
    }

    private static int stripPrefixes(String[] words, TokenKind[] kinds, List<String> out) {
        int pos = 0;
        int n = words.length;
        boolean progress = true;
        while (progress && pos < n) {
            progress = false;
            while (pos < n && (kinds[pos] == TokenKind.STAR || kinds[pos] == TokenKind.HASH)) pos++;
            if (pos >= n) break;
            // processor prefix: "SQ *", "TST* ", "PAYPAL *"
            if (pos + 1 < n && kinds[pos + 1] == TokenKind.STAR && PROCESSORS.contains(words[pos])
                    && pos + 2 < n) {
                out.add(words[pos]);
                pos += 2;
                progress = true;
                continue;
            }
            for (String[] p : PREFIXES) {
                int k = 0, q = pos;
                boolean ok = true;
                for (; k < p.length && ok; k++) {
                    if (p[k].equals("#")) {
                        if (q < n && (kinds[q] == TokenKind.NUMBER || kinds[q] == TokenKind.DATE)) q++;
                    } else if (q < n && words[q].equals(p[k])) {
                        q++;
                    } else {
                        ok = false;
                    }
                }
                if ((!ok || q == n) && isTruncatedPrefix(words, kinds, pos, p)) {
                    // the description was cut off inside the prefix ("PreApproved Payment Bill Us"): all of it is format
                    StringBuilder name = new StringBuilder();
                    for (String w : p) if (!w.equals("#")) name.append(w);
                    out.add(name.toString());
                    return n;
                }
                if (ok && q < n && q > pos) {
                    StringBuilder name = new StringBuilder();
                    for (String w : p) if (!w.equals("#")) name.append(w);
                    out.add(name.toString());
                    pos = q;
                    progress = true;
                    break;
                }
            }
        }
        return pos;
    }

    /** True when tokens [pos, n) spell the start of prefix {@code p}, the last one possibly cut short. */
    private static boolean isTruncatedPrefix(String[] words, TokenKind[] kinds, int pos, String[] p) {
        int q = pos, k = 0;
        int n = words.length;
        while (q < n && k < p.length) {
            if (p[k].equals("#")) {
                if (kinds[q] == TokenKind.NUMBER || kinds[q] == TokenKind.DATE) q++;
                k++;
                continue;
            }
            boolean last = q == n - 1;
            if (!(words[q].equals(p[k]) || (last && words[q].length() >= 2 && p[k].startsWith(words[q])))) return false;
            q++;
            k++;
        }
        return q == n && q - pos >= 2;
    }

    private static void tokenize(String s, List<String> raw, List<TokenKind> kinds) {
        StringBuilder cur = new StringBuilder();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c > 127 && Character.isLetterOrDigit(c))) {
                cur.append(c);
            } else if (c == '/' ) {
                boolean date = !cur.isEmpty() && isDigit(cur.charAt(cur.length() - 1)) && i + 1 < n && isDigit(s.charAt(i + 1));
                if (date) cur.append(c);
                else flush(cur, raw, kinds);
            } else if (c == '.' || c == '&' || c == '\'' || c == '+' || c == '-') {
                if (!cur.isEmpty()) cur.append(c);
                else if (c == '&' || c == '+') cur.append(c); // "& CO", "SP +"
            } else if (c == '*') {
                flush(cur, raw, kinds);
                raw.add("*");
                kinds.add(TokenKind.STAR);
            } else if (c == '#') {
                flush(cur, raw, kinds);
                raw.add("#");
                kinds.add(TokenKind.HASH);
            } else {
                flush(cur, raw, kinds);
            }
        }
        flush(cur, raw, kinds);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void flush(StringBuilder cur, List<String> raw, List<TokenKind> kinds) {
        int len = cur.length();
        while (len > 0 && ".-'".indexOf(cur.charAt(len - 1)) >= 0) len--;
        String t = cur.substring(0, len);
        cur.setLength(0);
        if (t.isEmpty()) return;
        if (t.equals("&") || t.equals("+")) {
            if (!raw.isEmpty() && kinds.get(kinds.size() - 1) == TokenKind.WORD) {
                raw.set(raw.size() - 1, raw.get(raw.size() - 1) + t); // "SP +" -> "SP+"
            } else if (t.equals("&")) {
                raw.add("&");
                kinds.add(TokenKind.WORD);
            }
            return;
        }
        int dot = t.indexOf(".COM");
        if (dot < 0) dot = t.indexOf(".NET");
        if (dot > 0) { // "NETFLIX.COM" -> NETFLIX, COM
            String base = t.substring(0, dot);
            String rest = t.substring(dot + 1);
            addToken(base, raw, kinds);
            addToken(rest, raw, kinds);
            return;
        }
        addToken(t, raw, kinds);
    }

    private static void addToken(String t, List<String> raw, List<TokenKind> kinds) {
        if (t.isEmpty()) return;
        raw.add(t);
        kinds.add(classify(t));
    }

    static TokenKind classify(String t) {
        int letters = 0, digits = 0, slashes = 0, dashes = 0, xs = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (isDigit(c)) digits++;
            else if (c >= 'A' && c <= 'Z' || c > 127) {
                letters++;
                if (c == 'X' && digits == 0) xs++;
            } else if (c == '/') slashes++;
            else if (c == '-') dashes++;
        }
        if (letters == 0 && digits > 0) {
            if (slashes > 0) return TokenKind.DATE;
            if (dashes >= 2 && digits >= 10) return TokenKind.PHONE;
            return TokenKind.NUMBER;
        }
        if (xs >= 3 && xs == letters && digits > 0) return TokenKind.MASKED;
        if (letters > 0 && digits >= 2 && letters + digits >= 5) return TokenKind.CODE;
        if (letters + digits > MAX_WORD) return TokenKind.CODE; // no merchant word is this long
        return TokenKind.WORD;
    }
}
