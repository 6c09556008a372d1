package io.finrec.nlp.chat;

/**
 * Settings of a {@link ChatRecommender}. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <p>Ranking: a product's score is its best passage similarity (cosine, about 0.1 to 0.8 for MiniLM), plus
 * {@code intentBonus} when its family serves the message's strongest intent ({@code intentBonus / 2} for a weaker
 * one), minus {@code horizonPenalty × (riskLevel − 2)} for investment products of risk level 3 or more when the
 * message asks for the money within two years.
 *
 * @param topK            products per reply, 1 to 20; default 3
 * @param searchDepth     passages retrieved from the index per message, at least {@code topK}; default 60
 * @param intentBonus     score bonus for products serving the message's strongest intent, in [0, 1]; default 0.08
 * @param horizonPenalty  penalty per risk level above 2 for investments when the horizon is short, in [0, 1];
 *                        default 0.05
 * @param upsetThreshold  a sentiment compound score at or below this softens the reply, in [-1, 1]; default -0.3
 * @param maxMessageChars longest message accepted, 1 to 100,000 characters; default 2,000
 * @param supportTopK     products at most in a reply to a message reporting a {@link SupportIssue} (declined card,
 *                        fraud, locked account, complaint...), 0 to {@code topK}; default 1. Only products serving a
 *                        need the message states ({@link ParsedMessage#needs()}) and never a loan are offered there
 */
public record ChatConfig(int topK, int searchDepth, double intentBonus, double horizonPenalty, double upsetThreshold,
                         int maxMessageChars, int supportTopK) {
    public ChatConfig {
        if (topK < 1 || topK > 20) throw new IllegalArgumentException("topK: must be in [1, 20], was " + topK);
        if (searchDepth < topK)
            throw new IllegalArgumentException("searchDepth: must be >= topK (" + topK + "), was " + searchDepth);
        unit(intentBonus, 0, "intentBonus");
        unit(horizonPenalty, 0, "horizonPenalty");
        unit(upsetThreshold, -1, "upsetThreshold");
        if (maxMessageChars < 1 || maxMessageChars > 100_000)
            throw new IllegalArgumentException("maxMessageChars: must be in [1, 100000], was " + maxMessageChars);
        if (supportTopK < 0 || supportTopK > topK)
            throw new IllegalArgumentException("supportTopK: must be in [0, topK = " + topK + "], was " + supportTopK);
    }

    private static void unit(double v, double min, String field) {
        if (!(v >= min && v <= 1)) throw new IllegalArgumentException(field + ": must be in [" + min + ", 1], was " + v);
    }

    /** The defaults. */
    public static ChatConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        return new Builder().topK(topK).searchDepth(searchDepth).intentBonus(intentBonus).horizonPenalty(horizonPenalty)
                .upsetThreshold(upsetThreshold).maxMessageChars(maxMessageChars).supportTopK(supportTopK);
    }

    /** Builds a {@link ChatConfig}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private int topK = 3;
        private int searchDepth = 60;
        private double intentBonus = 0.08;
        private double horizonPenalty = 0.05;
        private double upsetThreshold = -0.3;
        private int maxMessageChars = 2_000;
        private int supportTopK = 1;

        private Builder() {}

        /** See {@link ChatConfig#topK()}. */
        public Builder topK(int v) {
            topK = v;
            return this;
        }

        /** See {@link ChatConfig#searchDepth()}. */
        public Builder searchDepth(int v) {
            searchDepth = v;
            return this;
        }

        /** See {@link ChatConfig#intentBonus()}. */
        public Builder intentBonus(double v) {
            intentBonus = v;
            return this;
        }

        /** See {@link ChatConfig#horizonPenalty()}. */
        public Builder horizonPenalty(double v) {
            horizonPenalty = v;
            return this;
        }

        /** See {@link ChatConfig#upsetThreshold()}. */
        public Builder upsetThreshold(double v) {
            upsetThreshold = v;
            return this;
        }

        /** See {@link ChatConfig#maxMessageChars()}. */
        public Builder maxMessageChars(int v) {
            maxMessageChars = v;
            return this;
        }

        /** See {@link ChatConfig#supportTopK()}. */
        public Builder supportTopK(int v) {
            supportTopK = v;
            return this;
        }

        /** Validates and builds. */
        public ChatConfig build() {
            return new ChatConfig(topK, searchDepth, intentBonus, horizonPenalty, upsetThreshold, maxMessageChars,
                    supportTopK);
        }
    }
}
