package io.finrec.nlp.transformer;

/**
 * Shape of a BERT encoder (HuggingFace {@code BertModel} semantics: post-LayerNorm blocks, exact erf GELU).
 *
 * @param vocabSize         word-piece vocabulary size
 * @param hiddenSize        hidden width
 * @param layers            number of transformer layers
 * @param heads             attention heads (must divide {@code hiddenSize})
 * @param intermediateSize  feed-forward width
 * @param maxPositions      position-embedding rows (longest input in tokens)
 * @param typeVocabSize     token-type (segment) embedding rows
 * @param layerNormEpsilon  LayerNorm epsilon
 */
public record BertConfig(int vocabSize, int hiddenSize, int layers, int heads, int intermediateSize, int maxPositions,
                         int typeVocabSize, float layerNormEpsilon) {
    /** Validates the sizes. */
    public BertConfig {
        if (vocabSize < 1 || hiddenSize < 1 || layers < 1 || heads < 1 || intermediateSize < 1 || maxPositions < 1
                || typeVocabSize < 1)
            throw new IllegalArgumentException("BertConfig: every size must be positive: " + this);
        if (hiddenSize % heads != 0)
            throw new IllegalArgumentException("BertConfig: hiddenSize " + hiddenSize + " is not divisible by heads " + heads);
        if (!(layerNormEpsilon > 0) || !Float.isFinite(layerNormEpsilon))
            throw new IllegalArgumentException("BertConfig: layerNormEpsilon must be positive, was " + layerNormEpsilon);
    }

    /** sentence-transformers/all-MiniLM-L6-v2: 6 layers, 384 wide, 12 heads, 1536 feed-forward, 512 positions. */
    public static BertConfig miniLmL6() {
        return new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12f);
    }

    /** Width of one attention head. */
    public int headSize() {
        return hiddenSize / heads;
    }
}
