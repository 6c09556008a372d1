package io.finrec.nlp.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.api.embedding.TextEmbedder;
import io.finrec.api.model.Fingerprint;
import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelHeader;
import io.finrec.api.model.Payloads;
import io.finrec.api.model.Provenance;
import io.finrec.api.progress.ProgressListener;
import io.finrec.api.progress.ProgressTracker;
import io.finrec.api.vector.VectorIndex;
import io.finrec.core.domain.Product;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat knowledge base: a product catalogue, passages about each product, and one embedding per passage.
 * Immutable and thread-safe once built.
 *
 * <h2>Embedding cache</h2>
 * Embedding ~200 passages takes a few seconds, so {@link #build} can keep the vectors in a cache file in FinRec's
 * model-file format (kind {@value #KIND}, checksummed). Each vector is keyed by the SHA-256 of the embedder's
 * {@link TextEmbedder#modelId()} and the passage text, so only passages whose text changed (or a different embedder)
 * are embedded again; the file is rewritten only when something changed. A cache file that is corrupt, truncated or
 * from another format version is reported in the log (naming the file and the problem) and rebuilt.
 */
public final class KnowledgeBase {
    /** Model-file kind of the vector cache. */
    public static final String KIND = "finrec.chat-passage-vectors";
    /** Payload version of the vector cache. */
    public static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);
    private static final int MAX_PASSAGES = 1 << 20;
    private static final int EMBED_CHUNK = 64;

    private final Map<String, Product> products;
    private final List<Passage> passages;
    private final Map<String, Integer> passageIndex;
    private final Map<String, List<Passage>> byProduct;
    private final float[][] vectors;
    private final String modelId;
    private final int dimension;
    private final int embeddedCount;

    private KnowledgeBase(Map<String, Product> products, List<Passage> passages, float[][] vectors, String modelId,
                          int dimension, int embeddedCount) {
        this.products = Collections.unmodifiableMap(products);
        this.passages = List.copyOf(passages);
        this.vectors = vectors;
        this.modelId = modelId;
        this.dimension = dimension;
        this.embeddedCount = embeddedCount;
        Map<String, Integer> idx = new HashMap<>();
        Map<String, List<Passage>> by = new LinkedHashMap<>();
        for (int i = 0; i < passages.size(); i++) {
            idx.put(passages.get(i).id(), i);
            by.computeIfAbsent(passages.get(i).productId(), k -> new ArrayList<>()).add(passages.get(i));
        }
        by.replaceAll((k, v) -> List.copyOf(v));
        this.passageIndex = Map.copyOf(idx);
        this.byProduct = Collections.unmodifiableMap(by);
    }

    /**
     * Builds a knowledge base with FinRec's passages for the catalogue ({@link ProductPassages#forCatalogue}).
     *
     * @see #build(List, List, TextEmbedder, Optional)
     */
    public static KnowledgeBase build(List<Product> products, TextEmbedder embedder, Optional<Path> cacheFile)
            throws IOException {
        return build(products, ProductPassages.forCatalogue(products), embedder, cacheFile);
    }

    /**
     * Embeds the passages (reusing cached vectors) and builds the knowledge base.
     *
     * @param products  the catalogue; ids must be unique
     * @param passages  passages about those products; ids unique, every product with at least one passage
     * @param embedder  the embedder (its vectors must have unit length)
     * @param cacheFile where to keep the vectors between runs; its directory must exist
     * @throws IllegalArgumentException naming the passage or product when the inputs are inconsistent
     * @throws IOException              if the cache file cannot be written
     */
    public static KnowledgeBase build(List<Product> products, List<Passage> passages, TextEmbedder embedder,
                                      Optional<Path> cacheFile) throws IOException {
        return build(products, passages, embedder, cacheFile, ProgressListener.NONE);
    }

    /**
     * As {@link #build(List, List, TextEmbedder, Optional)}, reporting the embedding of passages missing from the
     * cache to {@code progress} (which may cancel it; nothing is written then).
     */
    public static KnowledgeBase build(List<Product> products, List<Passage> passages, TextEmbedder embedder,
                                      Optional<Path> cacheFile, ProgressListener progress) throws IOException {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(passages, "passages");
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(cacheFile, "cacheFile");
        Map<String, Product> byId = new LinkedHashMap<>();
        for (int i = 0; i < products.size(); i++) {
            Product p = Objects.requireNonNull(products.get(i), "products[" + i + "]");
            if (byId.put(p.id(), p) != null)
                throw new IllegalArgumentException("products[" + i + "]: duplicate product id '" + p.id() + "'");
        }
        if (byId.isEmpty()) throw new IllegalArgumentException("products: must not be empty");
        Set<String> seen = new java.util.HashSet<>();
        Set<String> covered = new java.util.HashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = Objects.requireNonNull(passages.get(i), "passages[" + i + "]");
            if (!seen.add(p.id()))
                throw new IllegalArgumentException("passages[" + i + "]: duplicate passage id '" + p.id() + "'");
            if (!byId.containsKey(p.productId()))
                throw new IllegalArgumentException("passages[" + i + "] ('" + p.id() + "'): unknown product '"
                        + p.productId() + "'");
            covered.add(p.productId());
        }
        for (String id : byId.keySet())
            if (!covered.contains(id)) throw new IllegalArgumentException("products: '" + id + "' has no passage");

        String modelId = embedder.modelId();
        int dim = embedder.dimension();
        List<String> keys = new ArrayList<>(passages.size());
        for (Passage p : passages) keys.add(key(modelId, p.text()));
        Map<String, float[]> cached = cacheFile.isPresent() ? readCache(cacheFile.get(), modelId, dim) : Map.of();
        float[][] vectors = new float[passages.size()][];
        List<String> missingTexts = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            float[] v = cached.get(keys.get(i));
            if (v != null) vectors[i] = v;
            else {
                missing.add(i);
                missingTexts.add(passages.get(i).text());
            }
        }
        if (!missing.isEmpty()) {
            ProgressTracker tracker = ProgressTracker.start("embed passages", missing.size(), "passages", progress);
            for (int from = 0; from < missing.size(); from += EMBED_CHUNK) {
                int to = Math.min(missing.size(), from + EMBED_CHUNK);
                List<float[]> embedded = embedder.embedAll(missingTexts.subList(from, to));
                for (int j = from; j < to; j++) {
                    float[] v = embedded.get(j - from);
                    if (v.length != dim)
                        throw new IllegalStateException("embedder returned " + v.length + " dimensions, declared " + dim);
                    vectors[missing.get(j)] = v;
                }
                tracker.advance(to - from);
            }
        }
        boolean stale = !missing.isEmpty() || cached.size() != passages.size()
                || !cached.keySet().containsAll(keys);
        if (cacheFile.isPresent() && stale) writeCache(cacheFile.get(), modelId, dim, keys, vectors);
        LOG.debug("knowledge base: {} products, {} passages, {} embedded, {} from cache", byId.size(),
                passages.size(), missing.size(), passages.size() - missing.size());
        return new KnowledgeBase(byId, passages, vectors, modelId, dim, missing.size());
    }

    private static String key(String modelId, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(modelId.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the cache; any problem is logged (file and reason) and yields an empty cache. */
    static Map<String, float[]> readCache(Path file, String modelId, int dim) {
        if (!Files.exists(file)) return Map.of();
        try (ModelFile.Reader r = ModelFile.open(file, KIND, VERSION, VERSION)) {
            ObjectNode meta = r.header().metadata();
            if (!modelId.equals(meta.path("embedder").asText()) || meta.path("dimension").asInt() != dim) {
                LOG.info("{}: vectors were made by {} (dimension {}), re-embedding with {}", file,
                        meta.path("embedder").asText(), meta.path("dimension").asInt(), modelId);
                return Map.of();
            }
            DataInputStream in = r.payload();
            List<String> keys = Payloads.readStrings(in, MAX_PASSAGES, "keys");
            float[] flat = Payloads.readFloats(in, Math.multiplyExact(keys.size(), dim), "vectors");
            if (flat.length != keys.size() * dim)
                throw r.invalid("vectors: " + flat.length + " floats for " + keys.size() + " passages of dimension " + dim);
            Map<String, float[]> out = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) out.put(keys.get(i), java.util.Arrays.copyOfRange(flat, i * dim, (i + 1) * dim));
            return out;
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: unusable passage-vector cache ({}); rebuilding it", file, e.getMessage());
            return Map.of();
        }
    }

    private static void writeCache(Path file, String modelId, int dim, List<String> keys, float[][] vectors)
            throws IOException {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("embedder", modelId);
        meta.put("dimension", dim);
        meta.put("passages", keys.size());
        Fingerprint fp = new Fingerprint();
        for (String k : keys) fp.add(k);
        ModelHeader header = new ModelHeader(KIND, VERSION, meta, Provenance.now(0, 1, fp.hex(), Map.of()));
        float[] flat = new float[keys.size() * dim];
        for (int i = 0; i < vectors.length; i++) System.arraycopy(vectors[i], 0, flat, i * dim, dim);
        ModelFile.write(file, header, out -> {
            Payloads.writeStrings(out, keys);
            Payloads.writeFloats(out, flat);
        });
    }

    /** The catalogue, in its original order. */
    public List<Product> products() {
        return List.copyOf(products.values());
    }

    /** The product with this id. */
    public Optional<Product> product(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    /** Every passage, in build order. */
    public List<Passage> passages() {
        return passages;
    }

    /** The passage with this id. */
    public Optional<Passage> passage(String passageId) {
        Integer i = passageIndex.get(passageId);
        return i == null ? Optional.empty() : Optional.of(passages.get(i));
    }

    /** The passages about one product (empty for an unknown product). */
    public List<Passage> passagesOf(String productId) {
        return byProduct.getOrDefault(productId, List.of());
    }

    /** A copy of a passage's vector. */
    public Optional<float[]> vector(String passageId) {
        Integer i = passageIndex.get(passageId);
        return i == null ? Optional.empty() : Optional.of(vectors[i].clone());
    }

    /** Adds every passage vector to an index, keyed by passage id. */
    public void addTo(VectorIndex index) {
        Objects.requireNonNull(index, "index");
        if (index.dimension() != dimension)
            throw new IllegalArgumentException("index: dimension " + index.dimension() + ", the knowledge base has "
                    + dimension);
        List<String> ids = new ArrayList<>(passages.size());
        for (Passage p : passages) ids.add(p.id());
        index.addAll(ids, java.util.Arrays.asList(vectors), 1, ProgressListener.NONE);
    }

    /** The {@link TextEmbedder#modelId()} of the vectors. */
    public String modelId() {
        return modelId;
    }

    /** Vector dimension. */
    public int dimension() {
        return dimension;
    }

    /** How many passages {@link #build} had to embed (the others came from the cache). */
    public int embeddedCount() {
        return embeddedCount;
    }
}
