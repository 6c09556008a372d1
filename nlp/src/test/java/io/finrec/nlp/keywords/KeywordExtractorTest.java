package io.finrec.nlp.keywords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {
    static final KeywordExtractor X = KeywordExtractor.builtIn();

    record Labelled(String text, Set<String> gold) {}

    static List<Labelled> labelled() throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                KeywordExtractorTest.class.getResourceAsStream("labelled_keywords.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                Set<String> gold = new LinkedHashSet<>();
                if (f.length > 1) for (String g : f[1].split("\\|")) if (!g.isBlank()) gold.add(g.strip());
                out.add(new Labelled(f[0], gold));
            }
        }
        return out;
    }

    /** Micro precision/recall over (sentence, category:canonical) pairs of the shipped labelled set. */
    static double[] precisionRecall(List<Labelled> data, StringBuilder errors) {
        int tp = 0, fp = 0, fn = 0;
        for (Labelled l : data) {
            Set<String> got = X.keys(l.text());
            for (String g : got) {
                if (l.gold().contains(g)) tp++;
                else {
                    fp++;
                    errors.append("FP ").append(g).append(" in: ").append(l.text()).append('\n');
                }
            }
            for (String g : l.gold()) {
                if (!got.contains(g)) {
                    fn++;
                    errors.append("FN ").append(g).append(" in: ").append(l.text()).append('\n');
                }
            }
        }
        return new double[] {tp / (double) (tp + fp), tp / (double) (tp + fn), tp, fp, fn};
    }

    @Test
    void precisionAndRecallOnTheLabelledSet() throws IOException {
        List<Labelled> data = labelled();
        assertTrue(data.size() >= 150, "labelled set has " + data.size() + " sentences");
        StringBuilder errors = new StringBuilder();
        double[] pr = precisionRecall(data, errors);
        System.out.printf("keywords: %d sentences, precision %.3f recall %.3f (tp %d fp %d fn %d)%n%s", data.size(),
                pr[0], pr[1], (int) pr[2], (int) pr[3], (int) pr[4], errors);
        assertTrue(pr[0] >= 0.90, "precision " + pr[0]);
        assertTrue(pr[1] >= 0.88, "recall " + pr[1]);
    }

    @Test
    void examples() {
        assertEquals(Set.of("life_event:home_purchase"), X.keys("finally bought our first house!"));
        assertEquals(Set.of("product:credit_card", "intent:declined"), new HashSet<>(X.keys("my card got declined again, furious")));
        assertEquals(Set.of("amount:1200000 GBP"), X.keys("£1.2m"));
        assertEquals(Set.of("amount:300000 INR"), X.keys("3 lakh rupees"));
        // the words come from MoneyLexicon, shared with the chat's MessageParser
        assertEquals(Set.of("amount:5000 USD"), X.keys("$5 grand"));
        assertEquals(Set.of("amount:300000 INR"), X.keys("3 lakhs rupees"));
        assertEquals(Set.of("ticker:BRK.B"), X.keys("loving $BRK.B"));
        assertEquals(Set.of("horizon:long_term"), X.keys("over the next 15 years"));
        assertEquals(Set.of(), X.keys("my son is 5 years old"));
        assertEquals(Set.of("product:401k"), X.keys("my 401(k)"));
        assertEquals(Set.of("product:credit_card"), X.keys("Two CREDIT CARDS"));
        Keyword k = X.extract("I paid $5,000 today").get(0);
        assertEquals("$5,000", k.surface());
        assertEquals(7, k.start());
        assertTrue(X.extract("").isEmpty());
        assertTrue(X.extract("\uD800 ### ¥").isEmpty());
    }

    @Test
    void customVocabularyAndErrors() throws IOException {
        KeywordExtractor x = KeywordExtractor.fromVocabulary(new ByteArrayInputStream(
                "# test\nproduct:gold_loan\tgold loan;gold loans\n".getBytes(StandardCharsets.UTF_8)), "v.tsv");
        assertEquals(Set.of("product:gold_loan"), x.keys("Gold loans are cheap"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeywordExtractor.fromVocabulary(
                new ByteArrayInputStream("planet:mars\tmars\n".getBytes(StandardCharsets.UTF_8)), "v.tsv"));
        assertTrue(e.getMessage().contains("v.tsv line 1"), e.getMessage());
    }
}
