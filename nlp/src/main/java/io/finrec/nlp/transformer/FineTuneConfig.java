package io.finrec.nlp.transformer;

import io.finrec.api.random.Seeds;

/**
 * Settings of {@link FineTuner}.
 *
 * @param trainableLayers    how many of the encoder's top layers are fine-tuned (1..layers); the layers below and the
 *                           embeddings stay frozen, and their outputs are computed once and cached
 * @param epochs             maximum epochs
 * @param batchSize          texts per gradient step
 * @param learningRate       peak AdamW learning rate
 * @param warmupFraction     share of the planned steps with a linear warm-up; the rate then decays linearly to 0
 * @param weightDecay        AdamW decoupled weight decay
 * @param dropout            dropout in training (attention, sub-layer outputs, before the head)
 * @param maxTokens          word pieces kept per text, {@code [CLS]} and {@code [SEP]} included
 * @param balanceClasses     weight the loss by n / (k · count(class))
 * @param validationFraction stratified share of the data held out to pick the epoch (0: keep the last epoch)
 * @param patience           epochs without a better validation macro-F1 before stopping
 * @param seed               random seed (split, head initialisation, shuffling, dropout)
 */
public record FineTuneConfig(int trainableLayers, int epochs, int batchSize, double learningRate, double warmupFraction,
                             double weightDecay, double dropout, int maxTokens, boolean balanceClasses,
                             double validationFraction, int patience, long seed) {
    /** Validates the settings. */
    public FineTuneConfig {
        if (trainableLayers < 1) throw new IllegalArgumentException("trainableLayers must be at least 1, was " + trainableLayers);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, was " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        if (!(learningRate > 0) || !Double.isFinite(learningRate))
            throw new IllegalArgumentException("learningRate must be positive, was " + learningRate);
        if (!(warmupFraction >= 0 && warmupFraction < 1))
            throw new IllegalArgumentException("warmupFraction must be in [0, 1), was " + warmupFraction);
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay))
            throw new IllegalArgumentException("weightDecay must be >= 0, was " + weightDecay);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), was " + dropout);
        if (maxTokens < 2) throw new IllegalArgumentException("maxTokens must be at least 2, was " + maxTokens);
        if (!(validationFraction >= 0 && validationFraction < 1))
            throw new IllegalArgumentException("validationFraction must be in [0, 1), was " + validationFraction);
        if (patience < 1) throw new IllegalArgumentException("patience must be at least 1, was " + patience);
    }

    /**
     * The defaults (the recipe of the shipped sentiment model): all 6 MiniLM layers, 5 epochs, batch 16, learning rate
     * 1e-4 with 10 % warm-up and linear decay, weight decay 0.01, dropout 0.1, 96 word pieces, class-balanced loss,
     * 15 % validation, patience 2.
     */
    public static FineTuneConfig defaults() {
        return new FineTuneConfig(6, 5, 16, 1e-4, 0.1, 0.01, 0.1, 96, true, 0.15, 2, Seeds.DEFAULT_SEED);
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builder of {@link FineTuneConfig}. */
    public static final class Builder {
        private int trainableLayers, epochs, batchSize, maxTokens, patience;
        private double learningRate, warmupFraction, weightDecay, dropout, validationFraction;
        private boolean balanceClasses;
        private long seed;

        private Builder(FineTuneConfig c) {
            trainableLayers = c.trainableLayers;
            epochs = c.epochs;
            batchSize = c.batchSize;
            learningRate = c.learningRate;
            warmupFraction = c.warmupFraction;
            weightDecay = c.weightDecay;
            dropout = c.dropout;
            maxTokens = c.maxTokens;
            balanceClasses = c.balanceClasses;
            validationFraction = c.validationFraction;
            patience = c.patience;
            seed = c.seed;
        }

        /** @see FineTuneConfig#trainableLayers() */
        public Builder trainableLayers(int v) { trainableLayers = v; return this; }
        /** @see FineTuneConfig#epochs() */
        public Builder epochs(int v) { epochs = v; return this; }
        /** @see FineTuneConfig#batchSize() */
        public Builder batchSize(int v) { batchSize = v; return this; }
        /** @see FineTuneConfig#learningRate() */
        public Builder learningRate(double v) { learningRate = v; return this; }
        /** @see FineTuneConfig#warmupFraction() */
        public Builder warmupFraction(double v) { warmupFraction = v; return this; }
        /** @see FineTuneConfig#weightDecay() */
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        /** @see FineTuneConfig#dropout() */
        public Builder dropout(double v) { dropout = v; return this; }
        /** @see FineTuneConfig#maxTokens() */
        public Builder maxTokens(int v) { maxTokens = v; return this; }
        /** @see FineTuneConfig#balanceClasses() */
        public Builder balanceClasses(boolean v) { balanceClasses = v; return this; }
        /** @see FineTuneConfig#validationFraction() */
        public Builder validationFraction(double v) { validationFraction = v; return this; }
        /** @see FineTuneConfig#patience() */
        public Builder patience(int v) { patience = v; return this; }
        /** @see FineTuneConfig#seed() */
        public Builder seed(long v) { seed = v; return this; }

        /** Builds and validates. */
        public FineTuneConfig build() {
            return new FineTuneConfig(trainableLayers, epochs, batchSize, learningRate, warmupFraction, weightDecay,
                    dropout, maxTokens, balanceClasses, validationFraction, patience, seed);
        }
    }
}
