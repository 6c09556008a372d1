package io.finrec.nlp.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finrec.api.sentiment.SentimentScore;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VaderSentimentTest {
    private static final VaderSentiment VADER = VaderSentiment.create();

    record Golden(String text, double neg, double neu, double pos, double compound) {}

    static List<Golden> golden(String file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Golden> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                VaderSentimentTest.class.getResourceAsStream("vader/" + file), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                out.add(new Golden(n.get("text").asText(), n.get("neg").asDouble(), n.get("neu").asDouble(),
                        n.get("pos").asDouble(), n.get("compound").asDouble()));
            }
        }
        return out;
    }

    /**
     * Golden outputs of the original Python vaderSentiment 3.3.2: the public 100-sentence sample, 3,000 randomised
     * sentences exercising every rule (boosters, negations, idioms, caps, emoji, Unicode whitespace, punctuation),
     * templated finance sentences and 1,500 finance tweets. Every value must match exactly (both sides round).
     */
    @ParameterizedTest
    @ValueSource(strings = {"vader_sample.jsonl", "vader_fuzz.jsonl", "vader_templates.jsonl", "vader_finance_tweets.jsonl"})
    void matchesThePythonOriginalExactly(String file) throws IOException {
        List<Golden> cases = golden(file);
        assertTrue(cases.size() >= 100, file);
        int bad = 0;
        StringBuilder first = new StringBuilder();
        for (Golden g : cases) {
            SentimentScore s = VADER.score(g.text());
            if (Math.abs(s.negative() - g.neg()) > 1e-9 || Math.abs(s.neutral() - g.neu()) > 1e-9
                    || Math.abs(s.positive() - g.pos()) > 1e-9 || Math.abs(s.compound() - g.compound()) > 1e-9) {
                if (bad++ < 5) first.append('\n').append(g).append("\n  got ").append(s);
            }
        }
        assertEquals(0, bad, bad + " of " + cases.size() + " differ in " + file + first);
    }

    @Test
    void demoSentencesAndLabels() {
        SentimentScore s = VADER.score("VADER is smart, handsome, and funny.");
        assertEquals(0.8316, s.compound(), 1e-12);
        assertEquals(0.746, s.positive(), 1e-12);
        assertEquals("positive", s.label());
        assertEquals("negative", VADER.score("My card got declined again, furious").label());
        assertEquals("neutral", VADER.score("The bank opens at nine.").label());
        assertEquals(-0.5461, VADER.score("Today SUX!").compound(), 1e-12);
    }

    @Test
    void emptyAndBlankTextAreNeutralZeros() {
        for (String t : new String[] {"", "   ", "\u00a0\t\n"}) {
            SentimentScore s = VADER.score(t);
            assertEquals(0.0, s.compound());
            assertEquals(0.0, s.neutral());
            assertEquals("neutral", s.label());
        }
        assertThrows(NullPointerException.class, () -> VADER.score(null));
    }

    @Test
    void butRuleReweightsFirstEqualScoreLikeTheOriginal() {
        // positions 0 and 3 hold equal scores; index() finds position 0 twice.
        double[] s = {2.0, 0, 0, 2.0, 1.5};
        VaderSentiment.butCheck(s, 5, 2);
        // p=0: 2.0 -> first 2.0 at 0 (<2): s[0]=1.0; p=3: 2.0 -> first at 3 (>2): 3.0; p=4: 1.5 -> 2.25
        assertEquals(List.of(1.0, 0.0, 0.0, 3.0, 2.25), List.of(s[0], s[1], s[2], s[3], s[4]));
        double[] t = {1.0, 2.0, 0, 1.0};
        VaderSentiment.butCheck(t, 4, 2);
        // p=0: 1.0 -> s[0]=0.5; p=1: 2.0 -> s[1]=1.0; p=3: 1.0 -> first 1.0 now at 1: s[1]=0.5, s[3] unchanged
        assertEquals(List.of(0.5, 0.5, 0.0, 1.0), List.of(t[0], t[1], t[2], t[3]));
    }

    @Test
    void largeButPathAgreesWithTheLinearScan() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 20; round++) {
            int n = 1500;
            double[] a = new double[n];
            for (int i = 0; i < n; i++) a[i] = rnd.nextInt(4) == 0 ? 0 : (rnd.nextInt(9) - 4) * 0.5;
            int bi = rnd.nextInt(n);
            double[] small = a.clone();
            // linear-scan reference on the same array
            for (int p = 0; p < n; p++) {
                double v = small[p];
                if (v == 0) continue;
                int si = 0;
                while (small[si] != v) si++;
                if (si < bi) small[si] = v * 0.5;
                else if (si > bi) small[si] = v * 1.5;
            }
            VaderSentiment.butCheck(a, n, bi);
            assertEquals(java.util.Arrays.toString(small), java.util.Arrays.toString(a), "round " + round);
        }
    }

    @Test
    void pythonRoundingIsCorrectlyRounded() {
        assertEquals(0.062, VaderSentiment.round(0.0625, 3)); // exact tie: half to even
        assertEquals(0.001, VaderSentiment.round(0.0005000000000000001, 3));
        assertEquals(0.001, VaderSentiment.round(0.0005, 3)); // 0.0005 is just above the tie in binary
        assertEquals(0.666, VaderSentiment.round(0.6665, 3)); // 0.6665 is just below the tie in binary
        assertEquals(-0.3333, VaderSentiment.round(-0.33335, 4));
        assertEquals(-0.1235, VaderSentiment.round(-0.12345, 4)); // -0.12345 is beyond the tie in binary
        assertEquals(0.8316, VaderSentiment.round(0.83157, 4));
    }

    @Test
    void hugeInputIsLinearAndSafe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) sb.append(i % 3 == 0 ? "good " : i % 3 == 1 ? "bad " : "but ");
        long t0 = System.nanoTime();
        SentimentScore s = VADER.score(sb.toString());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
        assertTrue(s.compound() >= -1 && s.compound() <= 1);
        // invalid UTF-16 (lone surrogates) does not break scoring
        assertEquals("neutral", VADER.score("\uD800 abc \uDC00").label());
    }

    @Test
    void concurrentUseGivesTheSameAnswers() throws Exception {
        List<Golden> cases = golden("vader_fuzz.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int off = t;
                fs.add(pool.submit(() -> {
                    int bad = 0;
                    for (int i = off; i < cases.size(); i += 2) {
                        Golden g = cases.get(i);
                        if (VADER.score(g.text()).compound() != g.compound()) bad++;
                    }
                    return bad;
                }));
            }
            for (Future<Integer> f : fs) assertEquals(0, f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void customLexiconWithLastDuplicateWinning() throws IOException {
        String lex = "moon\t1.0\t0.5\t[1]\nmoon\t2.5\t0.5\t[1]\nrekt\t-2.0\t0.5\t[1]\n";
        String emo = "\uD83D\uDE80\trocket\n";
        VaderLexicon l = VaderLexicon.read(new ByteArrayInputStream(lex.getBytes(StandardCharsets.UTF_8)), "lex",
                new ByteArrayInputStream(emo.getBytes(StandardCharsets.UTF_8)), "emo");
        assertEquals(2.5, l.valence("moon").orElseThrow());
        VaderSentiment v = VaderSentiment.create(l);
        assertTrue(v.score("to the moon").compound() > 0);
        assertTrue(v.score("got rekt").compound() < 0);
        assertEquals(v.score("to the moon rocket"), v.score("to the moon\uD83D\uDE80"));
        IOException bad = assertThrows(IOException.class, () -> VaderLexicon.read(
                new ByteArrayInputStream("ok\t1\nbad\tx\n".getBytes(StandardCharsets.UTF_8)), "lex.txt",
                new ByteArrayInputStream(emo.getBytes(StandardCharsets.UTF_8)), "emo"));
        assertTrue(bad.getMessage().contains("lex.txt line 2"), bad.getMessage());
        IOException utf = assertThrows(IOException.class, () -> VaderLexicon.read(
                new ByteArrayInputStream(new byte[] {'a', '\t', '1', (byte) 0xC3, '\n'}), "lex.txt",
                new ByteArrayInputStream(emo.getBytes(StandardCharsets.UTF_8)), "emo"));
        assertTrue(utf.getMessage().contains("UTF-8"), utf.getMessage());
    }
}
