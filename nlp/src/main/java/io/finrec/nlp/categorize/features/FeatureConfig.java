package io.finrec.nlp.categorize.features;

/**
 * How descriptions and signals become hashed features. Immutable and thread-safe.
 *
 * @param hashBits       log2 of the feature space (features are hashed into {@code 2^hashBits} buckets)
 * @param minNgram       shortest character n-gram of merchant words
 * @param maxNgram       longest character n-gram of merchant words
 * @param ngramWeight    value of each character n-gram
 * @param wordWeight     value of each merchant word and of word bigrams
 * @param formatWeight   value of each statement-format feature (prefixes, non-merchant words, token shapes)
 * @param knowledgeWeight value of directory, cue and MCC features
 */
public record FeatureConfig(int hashBits, int minNgram, int maxNgram, float ngramWeight, float wordWeight,
                            float formatWeight, float knowledgeWeight) {
    /** The defaults: 2^18 buckets, 3- to 5-grams at 0.3, words at 1, format at 0.5, knowledge at 2 (measured best on held-out merchants). */
    public static final FeatureConfig DEFAULT = new FeatureConfig(18, 3, 5, 0.3f, 1f, 0.5f, 2f);

    public FeatureConfig {
        if (hashBits < 8 || hashBits > 24) throw new IllegalArgumentException("hashBits: must be in [8, 24], was " + hashBits);
        if (minNgram < 1 || maxNgram < minNgram || maxNgram > 8)
            throw new IllegalArgumentException("maxNgram: n-gram range [" + minNgram + ", " + maxNgram + "] is invalid");
        for (float w : new float[] {ngramWeight, wordWeight, formatWeight, knowledgeWeight})
            if (!(w >= 0) || !Float.isFinite(w)) throw new IllegalArgumentException("weights: must be finite and >= 0, was " + w);
    }

    /** Number of feature buckets. */
    public int dimension() {
        return 1 << hashBits;
    }
}
