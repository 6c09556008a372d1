package io.finrec.nlp.classify;

import io.finrec.api.random.Seeds;

/**
 * Hyper-parameters of {@link SoftmaxTrainer}. Build with {@link #builder()}; every setting has a default.
 * Immutable and thread-safe.
 *
 * @param hiddenUnits        0 for multinomial logistic regression, otherwise the width of one hidden ReLU layer
 * @param dropout            dropout rate after the hidden layer, in [0, 1)
 * @param epochs             maximum passes over the training rows
 * @param batchSize          rows per gradient step
 * @param learningRate       Adam learning rate
 * @param weightDecay        L2 penalty added by the optimiser
 * @param balanceClasses     weight each class by {@code n / (k * count)} so rare classes count as much as common ones
 * @param validationFraction share of the rows held out (stratified, seeded) to pick the best epoch by macro-F1;
 *                           0 trains on everything for exactly {@code epochs}
 * @param patience           stop after this many epochs without a better validation macro-F1
 * @param seed               seeds weight initialisation, the split and the shuffling
 */
public record ClassifierConfig(int hiddenUnits, double dropout, int epochs, int batchSize, double learningRate,
                               double weightDecay, boolean balanceClasses, double validationFraction, int patience,
                               long seed) {
    public ClassifierConfig {
        if (hiddenUnits < 0) throw new IllegalArgumentException("hiddenUnits: must be >= 0, was " + hiddenUnits);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout: must be in [0, 1), was " + dropout);
        if (epochs < 1) throw new IllegalArgumentException("epochs: must be >= 1, was " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize: must be >= 1, was " + batchSize);
        if (!(learningRate > 0) || !Double.isFinite(learningRate))
            throw new IllegalArgumentException("learningRate: must be a positive number, was " + learningRate);
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay))
            throw new IllegalArgumentException("weightDecay: must be >= 0, was " + weightDecay);
        if (!(validationFraction >= 0 && validationFraction < 1))
            throw new IllegalArgumentException("validationFraction: must be in [0, 1), was " + validationFraction);
        if (patience < 1) throw new IllegalArgumentException("patience: must be >= 1, was " + patience);
    }

    /** A builder with the defaults: logistic regression, 30 epochs, batch 64, lr 0.01, balanced, 15% validation. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().hiddenUnits(hiddenUnits).dropout(dropout).epochs(epochs).batchSize(batchSize)
                .learningRate(learningRate).weightDecay(weightDecay).balanceClasses(balanceClasses)
                .validationFraction(validationFraction).patience(patience).seed(seed);
    }

    /** Builds a {@link ClassifierConfig}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private int hiddenUnits = 0;
        private double dropout = 0;
        private int epochs = 30;
        private int batchSize = 64;
        private double learningRate = 0.01;
        private double weightDecay = 0;
        private boolean balanceClasses = true;
        private double validationFraction = 0.15;
        private int patience = 4;
        private long seed = Seeds.DEFAULT_SEED;

        private Builder() {}

        /** See {@link ClassifierConfig#hiddenUnits()}. */
        public Builder hiddenUnits(int v) { hiddenUnits = v; return this; }
        /** See {@link ClassifierConfig#dropout()}. */
        public Builder dropout(double v) { dropout = v; return this; }
        /** See {@link ClassifierConfig#epochs()}. */
        public Builder epochs(int v) { epochs = v; return this; }
        /** See {@link ClassifierConfig#batchSize()}. */
        public Builder batchSize(int v) { batchSize = v; return this; }
        /** See {@link ClassifierConfig#learningRate()}. */
        public Builder learningRate(double v) { learningRate = v; return this; }
        /** See {@link ClassifierConfig#weightDecay()}. */
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        /** See {@link ClassifierConfig#balanceClasses()}. */
        public Builder balanceClasses(boolean v) { balanceClasses = v; return this; }
        /** See {@link ClassifierConfig#validationFraction()}. */
        public Builder validationFraction(double v) { validationFraction = v; return this; }
        /** See {@link ClassifierConfig#patience()}. */
        public Builder patience(int v) { patience = v; return this; }
        /** See {@link ClassifierConfig#seed()}. */
        public Builder seed(long v) { seed = v; return this; }

        /** Validates and builds. */
        public ClassifierConfig build() {
            return new ClassifierConfig(hiddenUnits, dropout, epochs, batchSize, learningRate, weightDecay,
                    balanceClasses, validationFraction, patience, seed);
        }
    }
}
