package io.finrec.nlp.categorize.eval;

import io.finrec.api.categorize.CategorizationExample;
import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.CategorizationData;
import io.finrec.nlp.categorize.knowledge.MerchantDirectory;
import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How much of a labelled set's merchants a merchant directory alone recognises with the right category, with no
 * model involved: the coverage of a knowledge source. Rows are grouped by merchant
 * ({@link CategorizationData#merchantOf}); a merchant counts as covered when most of its rows get a full directory
 * match of the right category, and as wrong when most get one of another category. Immutable and thread-safe.
 *
 * @param rows            labelled rows
 * @param rowsRight       rows with a full match of the right category
 * @param rowsWrong       rows with a full match of another category
 * @param merchants       distinct merchants
 * @param merchantsRight  merchants covered
 * @param merchantsWrong  merchants mostly matched to another category
 * @param examples        per merchant: its category, the verdict ("right", "wrong: CATEGORY (NAME)" or "unknown") and
 *                        one description, in first-seen order
 */
public record DirectoryCoverage(int rows, int rowsRight, int rowsWrong, int merchants, int merchantsRight,
                                int merchantsWrong, List<String> examples) {
    private static final DescriptionNormalizer NORMALIZER = new DescriptionNormalizer();

    public DirectoryCoverage {
        examples = List.copyOf(examples);
    }

    /** Measures {@code directory} on {@code examples}. */
    public static DirectoryCoverage measure(MerchantDirectory directory, List<CategorizationExample> examples) {
        Checks.notNull(directory, "directory");
        Checks.notNull(examples, "examples");
        if (examples.isEmpty()) throw new IllegalArgumentException("examples: nothing to measure");
        record Tally(String category, String description, int[] counts, Map<String, Integer> wrong) {}
        Map<String, Tally> byMerchant = new LinkedHashMap<>();
        int right = 0, wrong = 0;
        for (CategorizationExample e : examples) {
            String desc = e.input().description();
            NormalizedDescription d = NORMALIZER.normalize(desc);
            Optional<MerchantDirectory.Match> m = directory.match(d).filter(x -> !x.partial());
            Tally t = byMerchant.computeIfAbsent(CategorizationData.merchantOf(desc) + "\u0000" + e.category(),
                    k -> new Tally(e.category(), desc, new int[3], new LinkedHashMap<>()));
            if (m.isEmpty()) {
                t.counts()[2]++;
            } else if (m.get().category().equals(e.category())) {
                t.counts()[0]++;
                right++;
            } else {
                t.counts()[1]++;
                t.wrong().merge(m.get().category() + " (" + m.get().entry().name() + ")", 1, Integer::sum);
                wrong++;
            }
        }
        int mRight = 0, mWrong = 0;
        List<String> ex = new ArrayList<>();
        for (Map.Entry<String, Tally> en : byMerchant.entrySet()) {
            Tally t = en.getValue();
            int n = t.counts()[0] + t.counts()[1] + t.counts()[2];
            String verdict;
            if (2 * t.counts()[0] > n) {
                mRight++;
                verdict = "right";
            } else if (2 * t.counts()[1] > n) {
                mWrong++;
                verdict = "wrong: " + t.wrong().keySet().iterator().next();
            } else {
                verdict = "unknown";
            }
            ex.add(String.format(Locale.ROOT, "%-13s %-40s %s", t.category(), verdict, t.description()));
        }
        return new DirectoryCoverage(examples.size(), right, wrong, byMerchant.size(), mRight, mWrong, ex);
    }

    /** Share of merchants covered. */
    public double merchantCoverage() {
        return merchants == 0 ? 0 : (double) merchantsRight / merchants;
    }

    /** Share of rows with a right full match. */
    public double rowCoverage() {
        return rows == 0 ? 0 : (double) rowsRight / rows;
    }

    /** A one-paragraph summary. */
    public String text() {
        return String.format(Locale.ROOT, "merchants %d: right %d (%.3f), wrong category %d (%.3f), unknown %d%n"
                        + "rows %d: right %d (%.3f), wrong category %d (%.3f), no full match %d%n",
                merchants, merchantsRight, merchantCoverage(), merchantsWrong, merchants == 0 ? 0 : (double) merchantsWrong / merchants,
                merchants - merchantsRight - merchantsWrong, rows, rowsRight, rowCoverage(), rowsWrong,
                rows == 0 ? 0 : (double) rowsWrong / rows, rows - rowsRight - rowsWrong);
    }
}
