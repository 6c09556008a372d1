package io.finrec.api.embedding;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps texts to dense vectors whose inner product measures semantic similarity.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>vectors have {@link #dimension()} components and unit L2 norm, so the dot product is the cosine;</li>
 *   <li>{@link #embedAll} returns one vector per text, in input order, equal (up to float rounding) to what
 *       {@link #embed} returns for each text alone;</li>
 *   <li>null texts are rejected with a {@link NullPointerException} naming the position; texts the
 *       implementation cannot encode (for example a Java string holding an unpaired UTF-16 surrogate) are
 *       rejected with an {@link IllegalArgumentException} naming the position, never silently altered;</li>
 *   <li>the implementation documents how texts longer than its model's window are handled;</li>
 *   <li>{@link #modelId()} names the model and every setting that changes the vectors, so a cache of vectors
 *       keyed by it is never reused with a different model.</li>
 * </ul>
 * FinRec's embedders are thread-safe: one instance may serve many threads.
 */
public interface TextEmbedder extends AutoCloseable {
    /** Vector dimension. */
    int dimension();

    /**
     * Identifies the model and the settings that change its vectors (for example
     * {@code "all-minilm-l6-v2/mean/truncate-128"}); two embedders with equal ids produce the same vectors.
     */
    String modelId();

    /** Embeds one text. */
    float[] embed(String text);

    /** Embeds a batch, in order; implementations batch internally for throughput. */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) out.add(embed(t));
        return out;
    }

    /** Releases native resources; the embedder must not be used afterwards. */
    @Override
    void close();
}
