package io.finrec.nlp.embedding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used map from text to vector. Thread-safe (one lock; lookups are tiny next to a model
 * call). Stores and returns copies, so callers can never corrupt a cached vector.
 */
final class VectorCache {
    private final int capacity;
    private final LinkedHashMap<String, float[]> map;
    private long hits;
    private long misses;

    VectorCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > VectorCache.this.capacity;
            }
        };
    }

    /** A copy of the cached vector, or null. */
    synchronized float[] get(String text) {
        float[] v = map.get(text);
        if (v == null) {
            misses++;
            return null;
        }
        hits++;
        return v.clone();
    }

    synchronized void put(String text, float[] vector) {
        map.put(text, vector.clone());
    }

    synchronized int size() {
        return map.size();
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }
}
