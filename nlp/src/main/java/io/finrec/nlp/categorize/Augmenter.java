package io.finrec.nlp.categorize;

import io.finrec.nlp.categorize.features.Evidence;
import io.finrec.nlp.categorize.features.TransactionFeatures;
import io.finrec.nlp.categorize.knowledge.CueLexicon;
import io.finrec.nlp.categorize.knowledge.KnowledgeBase;
import io.finrec.nlp.categorize.knowledge.MerchantDirectory;
import io.finrec.nlp.categorize.text.DescriptionNormalizer;
import io.finrec.nlp.categorize.text.NormalizedDescription;
import io.finrec.nlp.classify.SparseVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns one labelled transaction into several training rows, so the model learns what generalises to merchants it
 * has never seen and works from the description alone: the original; a copy without MCC, amount and recurrence
 * (statements often lack them, and an MCC would otherwise overshadow the text); a copy without the directory match; copies with the merchant swapped for other
 * directory merchants of the same category (same statement format, new names); copies with an invented merchant
 * name (sometimes with a cue word of the category), each also bare, without the statement format; and, for descriptions with a strong cue ("PAYROLL", "FEE"),
 * copies with an unrelated known merchant inserted; and copies cut off at a random length, as statements truncate
 * descriptions (so a description cut before its merchant gets an honestly uncertain answer). Augmented copies drop each bank signal with probability 1/2.
 * Every copy keeps the example's label. Not thread-safe: one per
 * training job, seeded.
 */
final class Augmenter {
    private static final String[] ONSETS = {"B", "C", "D", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T",
            "V", "W", "Z", "BR", "CH", "CL", "DR", "FL", "GR", "KR", "PL", "SH", "ST", "TR", "TH"};
    private static final String[] VOWELS = {"A", "E", "I", "O", "U", "AI", "EA", "OU", "Y"};
    private static final String[] CODAS = {"", "", "", "N", "R", "S", "L", "X", "T", "M", "CK", "NT"};

    private final CategorizerConfig config;
    private final KnowledgeBase knowledge;
    private final DescriptionNormalizer normalizer;
    private final TransactionFeatures features;
    private final SplittableRandom random;
    private final Map<String, List<MerchantDirectory.Entry>> entriesByCategory = new HashMap<>();
    private final List<MerchantDirectory.Entry> allEntries;
    private final Map<String, List<String>> cuesByCategory = new HashMap<>();

    Augmenter(CategorizerConfig config, KnowledgeBase knowledge, DescriptionNormalizer normalizer,
              TransactionFeatures features, SplittableRandom random) {
        this.config = config;
        this.knowledge = knowledge;
        this.normalizer = normalizer;
        this.features = features;
        this.random = random;
        allEntries = knowledge.directory().entries();
        for (MerchantDirectory.Entry e : allEntries)
            entriesByCategory.computeIfAbsent(e.category(), k -> new ArrayList<>()).add(e);
        for (CueLexicon.Cue c : knowledge.cues().cues()) {
            if (c.words().stream().anyMatch(w -> w.endsWith("*"))) continue;
            cuesByCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(String.join(" ", c.words()));
        }
    }

    /**
     * Adds the rows for one example.
     *
     * @param base     the example's evidence
     * @param label    its label id
     * @param category the directory category that stands for its label (for swaps), or null
     */
    void addRows(Evidence base, int label, String category, List<SparseVector> rows, List<Integer> labels) {
        rows.add(features.extract(base));
        labels.add(label);
        if (base.hasBankSignals()) {
            rows.add(features.extract(base.without(true, true, true)));
            labels.add(label);
        }
        NormalizedDescription d = base.text();
        MerchantDirectory.Match match = base.findings().merchant().orElse(null);
        if (config.directoryDropout() && match != null) add(base.withoutDirectory(), label, rows, labels);
        int from, to;
        if (match != null && !match.partial()) {
            from = match.startToken();
            to = match.endToken();
        } else {
            from = d.merchantStart();
            to = d.merchantEnd();
        }
        boolean span = to > from;
        String swapCategory = match != null ? match.category() : category;
        List<MerchantDirectory.Entry> same = swapCategory == null ? null : entriesByCategory.get(swapCategory);
        if (span && same != null && !same.isEmpty()) {
            for (int k = 0; k < config.swapCopies(); k++) {
                MerchantDirectory.Entry e = same.get(random.nextInt(same.size()));
                if (match != null && e.name().equals(match.entry().name()) && same.size() > 1) {
                    k--;
                    continue;
                }
                add(rewrite(base, d.replace(from, to, alias(e))), label, rows, labels);
            }
        }
        if (span) {
            List<String> cues = swapCategory == null ? null : cuesByCategory.get(swapCategory);
            for (int k = 0; k < config.pseudoCopies(); k++) {
                String name = pseudoName();
                if (cues != null && !cues.isEmpty() && random.nextBoolean())
                    name = name + " " + cues.get(random.nextInt(cues.size()));
                add(rewrite(base, d.replace(from, to, name)), label, rows, labels);
                // the same invented name bare, without the statement format: a bare unknown name is evidence of no
                // category (fee descriptions are often formatless, so without these copies "KRALUMO" looked like a fee)
                add(rewrite(base, name), label, rows, labels);
            }
        }
        for (int k = 0; k < config.truncatedCopies(); k++) {
            String text = d.text();
            if (text.length() < 16) break;
            int cut = 12 + random.nextInt(text.length() - 12);
            add(rewrite(base, text.substring(0, cut)), label, rows, labels);
        }
        if (!allEntries.isEmpty() && hasStrongCue(base)) {
            for (int k = 0; k < config.conflictCopies(); k++) {
                MerchantDirectory.Entry e = allEntries.get(random.nextInt(allEntries.size()));
                String text = span && !strongCueInside(base, from, to) ? d.replace(from, to, alias(e))
                        : d.replace(d.merchantStart(), d.merchantStart(), alias(e));
                add(rewrite(base, text), label, rows, labels);
            }
        }
    }

    private static boolean hasStrongCue(Evidence e) {
        for (int s : e.findings().cues().strong()) if (s > 0) return true;
        return false;
    }

    /** True when a strong cue word lies in tokens [from, to) (e.g. "OVERDRAFT FEE"): insert, do not replace. */
    private static boolean strongCueInside(Evidence e, int from, int to) {
        NormalizedDescription d = e.text();
        for (CueLexicon.Cue c : e.findings().cues().matched()) {
            if (!c.strong()) continue;
            String first = c.words().get(0);
            for (int i = from; i < to; i++) {
                String w = d.word(i);
                if (first.endsWith("*") ? w.startsWith(first.substring(0, first.length() - 1)) : w.equals(first)) return true;
            }
        }
        return false;
    }

    private String alias(MerchantDirectory.Entry e) {
        List<String> a = e.aliases();
        return a.get(random.nextInt(a.size()));
    }

    private String pseudoName() {
        int words = 1 + (random.nextInt(3) == 0 ? 1 : 0);
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) sb.append(' ');
            int syllables = 2 + random.nextInt(2);
            for (int s = 0; s < syllables; s++) {
                sb.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
                if (s == syllables - 1) sb.append(CODAS[random.nextInt(CODAS.length)]);
            }
        }
        return sb.toString();
    }

    private Evidence rewrite(Evidence base, String text) {
        NormalizedDescription d = normalizer.normalize(text);
        return new Evidence(d, knowledge.lookup(d, base.mcc()), base.mcc(), base.amount(), base.recurrence());
    }

    /** Adds a copy, dropping each bank signal (MCC, amount, recurrence) with probability 1/2. */
    private void add(Evidence e, int label, List<SparseVector> rows, List<Integer> labels) {
        Evidence x = e.hasBankSignals() ? e.without(random.nextBoolean(), random.nextBoolean(), random.nextBoolean()) : e;
        rows.add(features.extract(x));
        labels.add(label);
    }
}
