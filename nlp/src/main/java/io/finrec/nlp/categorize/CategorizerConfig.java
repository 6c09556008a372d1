package io.finrec.nlp.categorize;

import io.finrec.api.categorize.Taxonomy;
import io.finrec.api.random.Seeds;
import io.finrec.core.util.Checks;
import io.finrec.nlp.categorize.features.FeatureConfig;
import io.finrec.nlp.categorize.knowledge.KnowledgeBase;

/**
 * Settings of {@link CategorizerTrainer}. Build with {@link #builder()}; every setting has a default. Immutable and
 * thread-safe.
 *
 * @param knowledge        the knowledge base the model will use (stored in the model)
 * @param features         feature hashing settings
 * @param epochs           passes over the (augmented) training rows
 * @param batchSize        rows per gradient step
 * @param learningRate     Adam learning rate
 * @param weightDecay      L2 penalty
 * @param hiddenUnits      0 for a linear softmax, else one hidden ReLU layer of this width
 * @param swapCopies       augmented copies per example with the merchant swapped for another directory merchant of
 *                         the same category (teaches the model merchants beyond the training data)
 * @param pseudoCopies     augmented copies per example with the merchant replaced by an invented name, sometimes
 *                         with a cue word (teaches it to rely on statement formats and cue words)
 * @param conflictCopies   augmented copies per example with a strong cue ("PAYROLL", "FEE") that insert a random
 *                         known merchant (teaches it that such cues beat the directory)
 * @param truncatedCopies  augmented copies per example cut off at a random length, as statements truncate
 * @param directoryDropout whether to add, for each example the directory knows, a copy without the directory match
 * @param calibrationFolds folds of merchant-grouped cross-validation used to fit the probability temperature and to
 *                         measure accuracy on held-out merchants (0 or 1 skips it)
 * @param threshold        confidence below which the model answers "uncategorised"
 * @param taxonomy         the taxonomy the model answers in
 * @param seed             seeds augmentation, fold assignment and training
 */
public record CategorizerConfig(KnowledgeBase knowledge, FeatureConfig features, int epochs, int batchSize,
                                double learningRate, double weightDecay, int hiddenUnits, int swapCopies,
                                int pseudoCopies, int conflictCopies, int truncatedCopies, boolean directoryDropout, int calibrationFolds,
                                double threshold, Taxonomy taxonomy, long seed) {
    public CategorizerConfig {
        Checks.notNull(knowledge, "knowledge");
        Checks.notNull(features, "features");
        Checks.positive(epochs, "epochs");
        Checks.positive(batchSize, "batchSize");
        Checks.positive(learningRate, "learningRate");
        Checks.nonNegative(weightDecay, "weightDecay");
        Checks.range(hiddenUnits, 0, 4096, "hiddenUnits");
        Checks.range(swapCopies, 0, 20, "swapCopies");
        Checks.range(pseudoCopies, 0, 20, "pseudoCopies");
        Checks.range(conflictCopies, 0, 20, "conflictCopies");
        Checks.range(truncatedCopies, 0, 20, "truncatedCopies");
        Checks.range(calibrationFolds, 0, 20, "calibrationFolds");
        if (!(threshold >= 0 && threshold <= 1)) throw new IllegalArgumentException("threshold: must be in [0, 1], was " + threshold);
        Checks.notNull(taxonomy, "taxonomy");
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.knowledge = knowledge;
        b.features = features;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.weightDecay = weightDecay;
        b.hiddenUnits = hiddenUnits;
        b.swapCopies = swapCopies;
        b.pseudoCopies = pseudoCopies;
        b.conflictCopies = conflictCopies;
        b.truncatedCopies = truncatedCopies;
        b.directoryDropout = directoryDropout;
        b.calibrationFolds = calibrationFolds;
        b.threshold = threshold;
        b.taxonomy = taxonomy;
        b.seed = seed;
        return b;
    }

    /** Builds a {@link CategorizerConfig}. Not thread-safe. */
    public static final class Builder {
        private KnowledgeBase knowledge;
        private FeatureConfig features = FeatureConfig.DEFAULT;
        private int epochs = 8;
        private int batchSize = 128;
        private double learningRate = 0.02;
        private double weightDecay = 0;
        private int hiddenUnits = 0;
        private int swapCopies = 2;
        private int pseudoCopies = 1;
        private int conflictCopies = 1;
        private int truncatedCopies = 1;
        private boolean directoryDropout = true;
        private int calibrationFolds = 3;
        private double threshold = CategorizerModel.DEFAULT_THRESHOLD;
        private Taxonomy taxonomy = Taxonomy.IDENTITY;
        private long seed = Seeds.DEFAULT_SEED;

        private Builder() {}

        /** Knowledge base (default: {@link KnowledgeBase#builtin()}). */
        public Builder knowledge(KnowledgeBase v) { knowledge = v; return this; }
        /** Feature settings (default {@link FeatureConfig#DEFAULT}). */
        public Builder features(FeatureConfig v) { features = v; return this; }
        /** Epochs (default 8). */
        public Builder epochs(int v) { epochs = v; return this; }
        /** Batch size (default 128). */
        public Builder batchSize(int v) { batchSize = v; return this; }
        /** Learning rate (default 0.02). */
        public Builder learningRate(double v) { learningRate = v; return this; }
        /** L2 penalty (default 0). */
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        /** Hidden units (default 0: linear). */
        public Builder hiddenUnits(int v) { hiddenUnits = v; return this; }
        /** Merchant-swap copies per example (default 2). */
        public Builder swapCopies(int v) { swapCopies = v; return this; }
        /** Invented-merchant copies per example (default 1). */
        public Builder pseudoCopies(int v) { pseudoCopies = v; return this; }
        /** Strong-cue conflict copies per example (default 1). */
        public Builder conflictCopies(int v) { conflictCopies = v; return this; }
        /** Truncated copies per example (default 1). */
        public Builder truncatedCopies(int v) { truncatedCopies = v; return this; }
        /** Directory-dropout copies (default true). */
        public Builder directoryDropout(boolean v) { directoryDropout = v; return this; }
        /** Calibration folds (default 3; 0 skips calibration and the held-out-merchant measurement). */
        public Builder calibrationFolds(int v) { calibrationFolds = v; return this; }
        /** Uncategorised threshold (default {@value CategorizerModel#DEFAULT_THRESHOLD}). */
        public Builder threshold(double v) { threshold = v; return this; }
        /** Taxonomy (default identity). */
        public Builder taxonomy(Taxonomy v) { taxonomy = v; return this; }
        /** Seed (default {@link Seeds#DEFAULT_SEED}). */
        public Builder seed(long v) { seed = v; return this; }

        /** Validates and builds. */
        public CategorizerConfig build() {
            return new CategorizerConfig(knowledge == null ? KnowledgeBase.builtin() : knowledge, features, epochs,
                    batchSize, learningRate, weightDecay, hiddenUnits, swapCopies, pseudoCopies, conflictCopies,
                    truncatedCopies, directoryDropout, calibrationFolds, threshold, taxonomy, seed);
        }
    }
}
