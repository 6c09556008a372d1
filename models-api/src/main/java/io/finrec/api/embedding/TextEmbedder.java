package io.finrec.api.embedding;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps texts to dense vectors whose inner product measures semantic similarity. Implementations document
 * whether vectors are unit-normalised, how texts longer than the model's window are handled, and their
 * thread-safety (FinRec's embedders are safe to share between threads).
 */
public interface TextEmbedder extends AutoCloseable {
    /** Vector dimension. */
    int dimension();

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
