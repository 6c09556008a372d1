package io.finrec.nlp.keywords;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one place FinRec's text readers look up money and time words: currency symbols, codes and words with their ISO
 * codes, amount multipliers ({@code k}, {@code grand}, {@code lakh}, {@code crore}...) and how many months a time unit
 * spans. {@link KeywordExtractor} (amount and horizon keywords) and the chat's {@code MessageParser} (the amount and
 * horizon of a request) both read them from here, so a currency or multiplier added once is understood by both.
 * Stateless and thread-safe.
 */
public final class MoneyLexicon {
    private static final Map<Character, String> SYMBOLS = Map.of('$', "USD", '£', "GBP", '€', "EUR", '₹', "INR",
            '¥', "JPY");
    private static final Map<String, String> CODES = Map.of("usd", "USD", "gbp", "GBP", "eur", "EUR", "inr", "INR",
            "jpy", "JPY", "cad", "CAD", "aud", "AUD", "chf", "CHF");
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("dollar", "USD"),
            Map.entry("dollars", "USD"), Map.entry("bucks", "USD"), Map.entry("pound", "GBP"), Map.entry("pounds", "GBP"),
            Map.entry("quid", "GBP"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("rupee", "INR"),
            Map.entry("rupees", "INR"), Map.entry("rs", "INR"), Map.entry("yen", "JPY"));
    private static final Map<String, BigDecimal> MULTIPLIERS = Map.ofEntries(
            Map.entry("k", BigDecimal.valueOf(1_000)), Map.entry("thousand", BigDecimal.valueOf(1_000)),
            Map.entry("grand", BigDecimal.valueOf(1_000)), Map.entry("m", BigDecimal.valueOf(1_000_000)),
            Map.entry("mn", BigDecimal.valueOf(1_000_000)), Map.entry("million", BigDecimal.valueOf(1_000_000)),
            Map.entry("bn", BigDecimal.valueOf(1_000_000_000)), Map.entry("billion", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("lakh", BigDecimal.valueOf(100_000)), Map.entry("lakhs", BigDecimal.valueOf(100_000)),
            Map.entry("crore", BigDecimal.valueOf(10_000_000)), Map.entry("crores", BigDecimal.valueOf(10_000_000)));
    private static final Map<String, Double> UNIT_MONTHS = Map.ofEntries(Map.entry("day", 1 / 30.0),
            Map.entry("week", 12 / 52.0), Map.entry("month", 1.0), Map.entry("mo", 1.0), Map.entry("year", 12.0),
            Map.entry("yr", 12.0), Map.entry("decade", 120.0));

    private MoneyLexicon() {}

    /** The ISO code of a currency symbol ({@code $ £ € ₹ ¥}), if it is one. */
    public static Optional<String> currencyOfSymbol(char symbol) {
        return Optional.ofNullable(SYMBOLS.get(symbol));
    }

    /**
     * The ISO code of a currency code or word ({@code usd}, {@code dollars}, {@code quid}, {@code rs}, {@code rs.}),
     * case-insensitive, if it is one.
     */
    public static Optional<String> currencyOfWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith(".")) w = w.substring(0, w.length() - 1);
        String code = CODES.get(w);
        return Optional.ofNullable(code != null ? code : WORDS.get(w));
    }

    /** The ISO code of a symbol, code or word: {@link #currencyOfSymbol} for one character, else {@link #currencyOfWord}. */
    public static Optional<String> currencyOf(String token) {
        if (token.length() == 1 && SYMBOLS.containsKey(token.charAt(0))) return currencyOfSymbol(token.charAt(0));
        return currencyOfWord(token);
    }

    /** The value of an amount multiplier word ({@code k}, {@code thousand}, {@code grand}, {@code lakhs}...), case-insensitive. */
    public static Optional<BigDecimal> multiplier(String word) {
        return Optional.ofNullable(MULTIPLIERS.get(word.toLowerCase(Locale.ROOT)));
    }

    /**
     * Months in one time unit ({@code day}, {@code week}, {@code month}/{@code mo}, {@code year}/{@code yr},
     * {@code decade}; singular and plural, case-insensitive), if it is one.
     */
    public static OptionalDouble monthsPer(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        Double m = UNIT_MONTHS.get(u);
        if (m == null && u.length() > 1 && u.endsWith("s")) m = UNIT_MONTHS.get(u.substring(0, u.length() - 1));
        return m == null ? OptionalDouble.empty() : OptionalDouble.of(m);
    }

    /** A regular-expression alternation of the currency symbols, e.g. for a pattern-based reader. */
    public static String symbolPattern() {
        return alternation(SYMBOLS.keySet().stream().map(String::valueOf));
    }

    /** A regular-expression alternation of the currency codes ({@code usd|gbp|...}), longest first. */
    public static String codePattern() {
        return alternation(CODES.keySet().stream());
    }

    /** A regular-expression alternation of the currency words ({@code dollars|quid|...}), longest first. */
    public static String wordPattern() {
        return alternation(WORDS.keySet().stream());
    }

    /** A regular-expression alternation of the multiplier words, longest first. */
    public static String multiplierPattern() {
        return alternation(MULTIPLIERS.keySet().stream());
    }

    private static String alternation(Stream<String> words) {
        return words.sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(java.util.regex.Pattern::quote).collect(Collectors.joining("|"));
    }
}
