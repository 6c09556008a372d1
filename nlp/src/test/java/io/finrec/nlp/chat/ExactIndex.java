package io.finrec.nlp.chat;

import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.api.vector.VectorIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal exact cosine index for the chat tests: nlp may not depend on vectorsearch (the module lines forbid it even
 * in tests), and the application wires in the real FlatIndex. Filters are applied before ranking, as the contract
 * asks. Synchronized; not for production.
 */
final class ExactIndex implements VectorIndex {
    private final int dimension;
    private final Map<String, float[]> vectors = new LinkedHashMap<>();

    ExactIndex(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public Metric metric() {
        return Metric.COSINE;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public synchronized int size() {
        return vectors.size();
    }

    @Override
    public synchronized boolean contains(String id) {
        return vectors.containsKey(id);
    }

    @Override
    public synchronized Optional<float[]> vector(String id) {
        return Optional.ofNullable(vectors.get(id)).map(float[]::clone);
    }

    @Override
    public synchronized void add(String id, float[] vector) {
        if (vector.length != dimension) throw new IllegalArgumentException("vector: dimension " + vector.length);
        double n = 0;
        for (float x : vector) n += x * x;
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) v[i] = (float) (vector[i] / Math.sqrt(n));
        vectors.put(id, v);
    }

    @Override
    public synchronized List<SearchHit> search(float[] query, SearchRequest request) {
        List<SearchHit> hits = new ArrayList<>();
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
            if (!request.filter().accept(e.getKey())) continue;
            double dot = 0, n = 0;
            for (int i = 0; i < dimension; i++) {
                dot += query[i] * e.getValue()[i];
                n += query[i] * query[i];
            }
            hits.add(new SearchHit(e.getKey(), (float) (dot / Math.sqrt(n))));
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return List.copyOf(hits.subList(0, Math.min(request.k(), hits.size())));
    }

    @Override
    public synchronized boolean delete(String id) {
        return vectors.remove(id) != null;
    }

    @Override
    public void compact() {}

    @Override
    public int deletedCount() {
        return 0;
    }

    @Override
    public void save(Path file) {
        throw new UnsupportedOperationException("test index");
    }

    @Override
    public long ramBytesUsed() {
        return (long) vectors.size() * dimension * 4;
    }
}
