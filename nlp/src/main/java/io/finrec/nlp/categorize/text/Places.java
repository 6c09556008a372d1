package io.finrec.nlp.categorize.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * US state codes and city names that statements append after the merchant, so the normaliser can strip them
 * ("SAFEWAY 6006 AUSTIN TX", "REGAL COLUMBUSOH"). Loaded from the {@code places.txt} resource. Immutable and
 * thread-safe.
 */
public final class Places {
    private static final String RESOURCE = "/io/finrec/nlp/categorize/places.txt";
    private static volatile Places builtin;

    private final Set<String> states;
    /** Cities by their last word (squashed): each value lists whole cities as squashed word arrays. */
    private final Map<String, List<String[]>> citiesByLastWord;

    private Places(Set<String> states, Map<String, List<String[]>> citiesByLastWord) {
        this.states = Set.copyOf(states);
        this.citiesByLastWord = Map.copyOf(citiesByLastWord);
    }

    /** The built-in gazetteer. */
    public static Places builtin() {
        Places p = builtin;
        if (p == null) {
            synchronized (Places.class) {
                if (builtin == null) builtin = load();
                p = builtin;
            }
        }
        return p;
    }

    private static Places load() {
        Set<String> states = new HashSet<>();
        Map<String, List<String[]>> cities = new HashMap<>();
        try (InputStream in = Places.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String section = "";
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("[")) {
                    section = line;
                    continue;
                }
                if (section.equals("[states]")) {
                    for (String s : line.split("\\s+")) states.add(s);
                } else {
                    String[] words = line.split("\\s+");
                    for (int i = 0; i < words.length; i++) words[i] = Words.squash(words[i]);
                    cities.computeIfAbsent(words[words.length - 1], k -> new ArrayList<>()).add(words);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Places(states, cities);
    }

    /** True for a two-letter US state code ("TX"). */
    public boolean isState(String squashedWord) {
        return squashedWord.length() == 2 && states.contains(squashedWord);
    }

    /**
     * How many words ending at {@code end} (exclusive) of {@code words} form a known city whose last word is
     * {@code lastWord} (which may differ from {@code words[end - 1]} when the city was glued to a state code), or 0.
     * Takes the longest city that matches.
     */
    public int cityLength(String[] words, int start, int end, String lastWord) {
        List<String[]> candidates = citiesByLastWord.get(lastWord);
        if (candidates == null) return 0;
        int best = 0;
        for (String[] city : candidates) {
            int n = city.length;
            if (n > end - start || n <= best) continue;
            boolean ok = true;
            for (int k = 0; k < n - 1 && ok; k++) ok = city[k].equals(words[end - n + k]);
            if (ok) best = n;
        }
        return best;
    }
}
