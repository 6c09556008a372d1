package io.finrec.nlp.chat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.finrec.nlp.keywords.MoneyLexicon;

/**
 * Reads intents, stated needs, support issues, an amount of money and a time horizon from a customer's message with
 * hand-written rules (cue words, number words, currency symbols and codes, relative and absolute dates; the currency,
 * multiplier and time-unit words are {@link MoneyLexicon}'s, shared with
 * {@link io.finrec.nlp.keywords.KeywordExtractor}). Rules rather than a model because the cues are few, must be
 * explainable to the customer, and there is no labelled chat data to learn from. Immutable and thread-safe.
 */
public final class MessageParser {
    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("couple", 2), Map.entry("few", 3));
    private static final Map<String, Integer> SCALES = Map.of("hundred", 100, "thousand", 1000, "million", 1_000_000);
    private static final Pattern NUMBER_WORDS = Pattern.compile("\\b(?:(?:a|an)\\s+)?(?:(?:" + String.join("|",
            UNITS.keySet()) + "|" + String.join("|", SCALES.keySet()) + "|and|of|a)[\\s-]+)*(?:" + String.join("|",
            UNITS.keySet()) + "|" + String.join("|", SCALES.keySet()) + ")\\b");
    private static final String CURRENCY_BEFORE = MoneyLexicon.symbolPattern() + "|" + MoneyLexicon.codePattern()
            + "|rs\\.?";
    private static final String CURRENCY_AFTER = MoneyLexicon.wordPattern() + "|" + MoneyLexicon.codePattern();
    private static final Pattern AMOUNT = Pattern.compile("(?<before>" + CURRENCY_BEFORE + ")?\\s?"
            + "(?<num>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<frac>\\d+))?"
            + "(?:\\s?(?<mult>" + MoneyLexicon.multiplierPattern() + ")\\b)?"
            + "(?:\\s?(?<after>" + CURRENCY_AFTER + ")\\b)?"
            + "(?<unit>\\s?(?:-\\s?)?(?:years?|yrs?|months?|mos?|weeks?|days?|decades?|%|percent|per ?cent|x)\\b)?");
    private static final Pattern HORIZON_NUMBER = Pattern.compile(
            "(?<num>\\d+(?:\\.\\d+)?)\\s?-?\\s?(?<unit>years?|yrs?|months?|mos?|weeks?|decades?)\\b");
    private static final Pattern HORIZON_A = Pattern.compile("\\b(?:in|within|for|over|about|around) (?:a|an|one) "
            + "(?<unit>year|month|decade|week)\\b");
    private static final Pattern HORIZON_NEXT = Pattern.compile("\\b(?:next|this coming|coming) "
            + "(?<unit>year|month|week|summer|spring|autumn|fall|winter|christmas)\\b");
    private static final Pattern HORIZON_THIS = Pattern.compile("\\bthis (?<unit>year|month|summer|christmas)\\b");
    private static final Pattern HORIZON_YEAR = Pattern.compile("\\b(?:by|in|until|till|before|around) "
            + "(?<year>(?:19|20)\\d{2})\\b");
    private static final Pattern HORIZON_TERM = Pattern.compile("\\b(?<term>short|medium|long)[\\s-]term\\b");
    private static final Pattern HORIZON_NOW = Pattern.compile("\\b(?:asap|as soon as possible|right away|"
            + "immediately|urgently|right now)\\b");

    private MessageParser() {}

    /** The parser (stateless). */
    public static MessageParser create() {
        return new MessageParser();
    }

    /**
     * Parses a message.
     *
     * @param message the customer's text
     * @param today   the date relative horizons ("by 2030", "next year") are measured from
     */
    public ParsedMessage parse(String message, LocalDate today) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(today, "today");
        String text = wordsToDigits(message.toLowerCase(Locale.ROOT));
        List<Intent> needs = new ArrayList<>();
        for (Intent i : Intent.values()) if (i.isNeedStatedIn(text)) needs.add(i);
        List<SupportIssue> support = new ArrayList<>();
        for (SupportIssue i : SupportIssue.values()) if (i.isCuedBy(text)) support.add(i);
        return new ParsedMessage(intents(text), needs, amount(text), horizon(text, today), support);
    }

    private static List<Intent> intents(String text) {
        List<Intent> found = new ArrayList<>();
        int[] counts = new int[Intent.values().length];
        for (Intent i : Intent.values()) {
            counts[i.ordinal()] = i.cueCount(text);
            if (counts[i.ordinal()] > 0) found.add(i);
        }
        found.sort(Comparator.comparingInt((Intent i) -> -counts[i.ordinal()]).thenComparingInt(Intent::ordinal));
        return found;
    }

    private static Optional<AmountMention> amount(String text) {
        Matcher m = AMOUNT.matcher(text);
        AmountMention best = null;
        while (m.find()) {
            if (m.group("unit") != null) continue; // "5 years", "4.5%": not money
            String before = m.group("before"), after = m.group("after"), mult = m.group("mult");
            int start = m.start("num");
            if (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '#'))
                continue; // part of a word, an id or an order number
            BigDecimal value = new BigDecimal(m.group("num").replace(",", "")
                    + (m.group("frac") == null ? "" : "." + m.group("frac")));
            boolean money = before != null || after != null || mult != null;
            if (!money) {
                // a bare number is money only when large and not a year ("in 2030") or a count ("2 kids")
                if (value.compareTo(BigDecimal.valueOf(100)) < 0) continue;
                int v = value.intValue();
                if (value.scale() == 0 && v >= 1900 && v <= 2100) continue;
            }
            if (mult != null) value = value.multiply(MoneyLexicon.multiplier(mult).orElseThrow());
            if (value.signum() <= 0) continue;
            Optional<Currency> currency = currency(before != null ? before : after);
            AmountMention a = new AmountMention(value.stripTrailingZeros(), currency, m.group().trim());
            if (best == null || a.value().compareTo(best.value()) > 0) best = a;
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Currency> currency(String token) {
        return token == null ? Optional.empty() : MoneyLexicon.currencyOf(token).map(Currency::getInstance);
    }

    private static Optional<HorizonMention> horizon(String text, LocalDate today) {
        List<int[]> found = new ArrayList<>(); // {start, months}
        List<String> words = new ArrayList<>();
        Matcher m = HORIZON_NUMBER.matcher(text);
        while (m.find()) add(found, words, m, (int) Math.round(Double.parseDouble(m.group("num")) * unitMonths(m.group("unit"))));
        m = HORIZON_A.matcher(text);
        while (m.find()) add(found, words, m, (int) unitMonths(m.group("unit")));
        m = HORIZON_NEXT.matcher(text);
        while (m.find()) add(found, words, m, nextMonths(m.group("unit"), today));
        m = HORIZON_THIS.matcher(text);
        while (m.find()) add(found, words, m, switch (m.group("unit")) {
            case "year" -> 12 - today.getMonthValue();
            case "month" -> 0;
            default -> nextMonths(m.group("unit"), today) % 12;
        });
        m = HORIZON_YEAR.matcher(text);
        while (m.find()) add(found, words, m, Math.max(0, (Integer.parseInt(m.group("year")) - today.getYear()) * 12));
        m = HORIZON_TERM.matcher(text);
        while (m.find()) add(found, words, m, switch (m.group("term")) {
            case "short" -> 12;
            case "medium" -> 36;
            default -> 120;
        });
        m = HORIZON_NOW.matcher(text);
        while (m.find()) add(found, words, m, 0);
        int best = -1;
        for (int i = 0; i < found.size(); i++) if (best < 0 || found.get(i)[0] < found.get(best)[0]) best = i;
        return best < 0 ? Optional.empty() : Optional.of(new HorizonMention(found.get(best)[1], words.get(best)));
    }

    private static void add(List<int[]> found, List<String> words, Matcher m, int months) {
        found.add(new int[] {m.start(), Math.max(0, months)});
        words.add(m.group());
    }

    /** Months in a time unit ({@link MoneyLexicon#monthsPer}); a week counts as 0 months (well under one). */
    private static double unitMonths(String unit) {
        return unit.startsWith("w") ? 0 : MoneyLexicon.monthsPer(unit).orElseThrow();
    }

    private static int nextMonths(String unit, LocalDate today) {
        int month = today.getMonthValue();
        int target = switch (unit) {
            case "year" -> 12;
            case "month" -> 1;
            case "week" -> 0;
            default -> -1;
        };
        if (target >= 0) return target;
        int seasonMonth = switch (unit) {
            case "spring" -> 4;
            case "summer" -> 7;
            case "autumn", "fall" -> 10;
            case "christmas" -> 12;
            default -> 1; // winter
        };
        int months = seasonMonth - month;
        return months <= 0 ? months + 12 : months;
    }

    /** Replaces runs of number words with digits: "ten thousand" → "10000", "a couple of" → "2". */
    static String wordsToDigits(String text) {
        Matcher m = NUMBER_WORDS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long value = wordValue(m.group());
            m.appendReplacement(out, value < 0 ? Matcher.quoteReplacement(m.group()) : Long.toString(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static long wordValue(String run) {
        String[] w = run.split("[\\s-]+");
        long total = 0, current = 0;
        boolean any = false;
        for (int i = 0; i < w.length; i++) {
            if (w[i].equals("and") || w[i].equals("of")) continue;
            if (w[i].equals("a") || w[i].equals("an")) {
                // "a hundred", "a thousand" = 1 x scale; "a few", "a couple" = the count alone
                if (i + 1 < w.length && SCALES.containsKey(w[i + 1]) && current == 0) current = 1;
                continue;
            }
            Integer u = UNITS.get(w[i]);
            if (u != null) {
                current += u;
                any = true;
                continue;
            }
            Integer s = SCALES.get(w[i]);
            if (s == null) return -1;
            any = true;
            if (current == 0) current = 1;
            if (s == 100) {
                current *= 100;
            } else {
                total += current * s;
                current = 0;
            }
        }
        return any ? total + current : -1;
    }
}
