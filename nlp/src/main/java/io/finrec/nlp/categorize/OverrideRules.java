package io.finrec.nlp.categorize;

import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import io.finrec.nlp.categorize.text.Words;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exact rules the bank edits, checked before the model: a rule always wins and answers with probability 1.
 * <ul>
 *   <li>{@code merchant} rules match the cleaned merchant: the directory's canonical name when the directory knows
 *       the merchant, else the merchant words the normaliser found ("JOE'S COFFEE #12 AUSTIN TX" has merchant
 *       "JOE'S COFFEE"). Comparison ignores case, spaces and punctuation.</li>
 *   <li>{@code phrase} rules match when the description contains the phrase's words in order, starting at a word
 *       (same comparison), e.g. {@code CITY OF SPRINGFIELD WATER}.</li>
 * </ul>
 * Merchant rules are checked first, then phrase rules in order. Text format, one rule per line:
 * {@code merchant | Joe's Coffee | dining} or {@code phrase | CITY OF SPRINGFIELD | utilities}; '#' starts a comment.
 *
 * <p>Immutable and thread-safe.
 */
public final class OverrideRules {
    /** No rules. */
    public static final OverrideRules NONE = new OverrideRules(Map.of(), List.of());

    /** Rule kinds. */
    public enum Kind {
        /** Matches the cleaned merchant name exactly. */
        MERCHANT,
        /** Matches a phrase anywhere in the description, starting at a word. */
        PHRASE
    }

    /**
     * One rule.
     *
     * @param kind     what it matches
     * @param pattern  the merchant name or phrase as the bank wrote it
     * @param category the category to answer
     */
    public record Rule(Kind kind, String pattern, String category) {
        public Rule {
            Checks.notNull(kind, "kind");
            Checks.text(pattern, "pattern");
            Checks.text(category, "category");
            if (Words.squash(pattern).isEmpty())
                throw new IllegalArgumentException("pattern: '" + pattern + "' has no letters or digits");
            if (pattern.contains("|") || category.contains("|"))
                throw new IllegalArgumentException("pattern: '|' is not allowed in rules");
        }
    }

    private final Map<String, Rule> merchants; // squashed merchant -> rule
    private final List<Rule> phrases;

    private OverrideRules(Map<String, Rule> merchants, List<Rule> phrases) {
        this.merchants = Map.copyOf(merchants);
        this.phrases = List.copyOf(phrases);
    }

    /** Builds rules from a list (a later merchant rule for the same merchant replaces an earlier one). */
    public static OverrideRules of(List<Rule> rules) {
        Map<String, Rule> m = new LinkedHashMap<>();
        List<Rule> p = new ArrayList<>();
        for (Rule r : rules) {
            if (r.kind() == Kind.MERCHANT) m.put(Words.squash(r.pattern()), r);
            else p.add(r);
        }
        return new OverrideRules(m, p);
    }

    /** Parses the text format; errors name the line. */
    public static OverrideRules parse(String text, String source) {
        Checks.notNull(text, "text");
        List<Rule> rules = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            int number = 0;
            for (String line; (line = r.readLine()) != null; ) {
                number++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                String[] parts = s.split("\\|");
                if (parts.length != 3)
                    throw new IllegalArgumentException(source + ", line " + number
                            + ": expected 'merchant | NAME | category' or 'phrase | TEXT | category'");
                Kind kind = switch (parts[0].strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "merchant" -> Kind.MERCHANT;
                    case "phrase" -> Kind.PHRASE;
                    default -> throw new IllegalArgumentException(source + ", line " + number + ": unknown rule kind '"
                            + parts[0].strip() + "' (use merchant or phrase)");
                };
                try {
                    rules.add(new Rule(kind, parts[1].strip(), parts[2].strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ", line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(rules);
    }

    /** The rules in the text format. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Rule r : rules()) sb.append(r.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                .append(r.pattern()).append(" | ").append(r.category()).append('\n');
        return sb.toString();
    }

    /** All rules: merchant rules, then phrase rules. */
    public List<Rule> rules() {
        List<Rule> all = new ArrayList<>(merchants.values());
        all.addAll(phrases);
        return all;
    }

    /** Number of rules. */
    public int size() {
        return merchants.size() + phrases.size();
    }

    /** A copy with more rules (later ones win for the same merchant). */
    public OverrideRules with(List<Rule> more) {
        List<Rule> all = rules();
        all.addAll(more);
        return of(all);
    }

    /**
     * The rule for a description, if any.
     *
     * @param d              the normalised description
     * @param canonicalName  the directory's name for the merchant, when it knows it
     */
    public Optional<Rule> match(NormalizedDescription d, Optional<String> canonicalName) {
        if (!merchants.isEmpty()) {
            Rule r = canonicalName.map(n -> merchants.get(Words.squash(n))).orElse(null);
            if (r == null) r = merchants.get(Words.squash(d.merchantKey()));
            if (r != null) return Optional.of(r);
        }
        for (Rule p : phrases) {
            String sq = Words.squash(p.pattern());
            String text = d.squashed();
            for (int at = text.indexOf(sq); at >= 0; at = text.indexOf(sq, at + 1)) {
                if (d.offset(d.tokenAt(at)) == at) return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
