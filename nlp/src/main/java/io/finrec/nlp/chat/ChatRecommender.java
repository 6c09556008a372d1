package io.finrec.nlp.chat;

import io.finrec.api.embedding.TextEmbedder;
import io.finrec.api.sentiment.SentimentScore;
import io.finrec.api.sentiment.SentimentScorer;
import io.finrec.api.vector.Metric;
import io.finrec.api.vector.SearchHit;
import io.finrec.api.vector.SearchRequest;
import io.finrec.api.vector.VectorFilter;
import io.finrec.api.vector.VectorIndex;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.ProductType;
import io.finrec.nlp.embedding.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a customer's free-text message with the bank's products that fit it: the message is embedded, the
 * knowledge-base passages nearest to it are searched <em>among the products the customer may be offered</em> (the
 * eligibility filter runs inside the vector search, so a strict filter still yields {@code topK} products when that
 * many exist), passages are grouped by product and ranked (see {@link ChatConfig}), and a short templated reply names
 * the best products, softened when the message's sentiment says the customer is upset.
 *
 * <h2>Support before sales</h2>
 * A message reporting a problem a product cannot fix ({@link SupportIssue}: a declined card, fraud, a lost or stolen
 * card, a locked account, a complaint about the service) is answered with the support path first. Products are then
 * offered only when the message also states a need they serve ({@link ParsedMessage#needs()}: "my card is declined
 * <em>abroad</em>" may get a card without foreign fees, "declined at the airport" gets none), of a family that can
 * remedy every reported issue ({@link SupportIssue#remedies()}: none for fraud, a lost card or a locked account), at
 * most {@link ChatConfig#supportTopK()} of them, and never a loan; the search then also uses what a remedy does
 * ({@link SupportIssue#remedy()}).
 *
 * <h2>Who is offered what</h2>
 * A product is a candidate when the customer satisfies its {@link io.finrec.core.domain.Eligibility} (age, income,
 * risk profile, segment: the bank's own rules, not second-guessed here) and does not already hold it. Products
 * already held are excluded; there is no switch to include them.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.build(products, MiniLmEmbedder.shared(), Optional.of(cacheFile));
 * ChatRecommender chat = ChatRecommender.builder()
 *     .embedder(MiniLmEmbedder.shared()).knowledgeBase(kb)
 *     .index(FlatIndex.create(kb.dimension(), Metric.COSINE))   // any empty VectorIndex
 *     .sentiment(VaderSentiment.create())                         // optional
 *     .customers(id -> store.chatCustomer(id))                     // optional, for reply(customerId, message)
 *     .build();
 * ChatReply r = chat.reply("C-00042", "I want to save for my daughter's college without much risk");
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may call {@link #reply} at once (the embedder, index, sentiment scorer and
 * directory it is given must be thread-safe, as FinRec's are). The index is filled once by {@link Builder#build()}
 * and must not be modified afterwards.
 */
public final class ChatRecommender {
    private static final Set<ProductType> MARKET_RISK = EnumSet.of(ProductType.INVESTMENT,
            ProductType.INVESTMENT_ADVISORY, ProductType.RETIREMENT, ProductType.TAX_PLANNING);
    /** Never offered in reply to a support issue: more debt is no answer to a declined card or a complaint. */
    private static final Set<ProductType> LENDING = Intent.BORROW.productTypes();

    private final TextEmbedder embedder;
    private final KnowledgeBase kb;
    private final VectorIndex index;
    private final Optional<SentimentScorer> sentiment;
    private final Optional<CustomerDirectory> customers;
    private final Clock clock;
    private final ChatConfig config;
    private final MessageParser parser = MessageParser.create();
    private final Map<SupportIssue, float[]> remedyVectors = new java.util.concurrent.ConcurrentHashMap<>();

    private ChatRecommender(Builder b) {
        this.embedder = b.embedder;
        this.kb = b.kb;
        this.index = b.index;
        this.sentiment = b.sentiment;
        this.customers = b.customers;
        this.clock = b.clock;
        this.config = b.config;
    }

    /** A builder; embedder, knowledge base and index are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The knowledge base. */
    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** The settings. */
    public ChatConfig config() {
        return config;
    }

    /**
     * Answers a message from a customer known to the {@link CustomerDirectory}.
     *
     * @throws IllegalStateException    if no directory was configured
     * @throws IllegalArgumentException if the customer is unknown, or the message is blank, too long or malformed
     */
    public ChatReply reply(String customerId, String message) {
        Objects.requireNonNull(customerId, "customerId");
        CustomerDirectory dir = customers.orElseThrow(() -> new IllegalStateException(
                "no CustomerDirectory configured: use reply(ChatCustomer, String) or Builder.customers(...)"));
        ChatCustomer c = dir.find(customerId).orElseThrow(() -> new IllegalArgumentException(
                "customerId: unknown customer '" + customerId + "'"));
        return reply(c, message);
    }

    /**
     * Answers a message from this customer.
     *
     * @throws IllegalArgumentException if the message is blank, longer than {@link ChatConfig#maxMessageChars()}, or
     *                                  holds an unpaired UTF-16 surrogate (the message names the field)
     */
    public ChatReply reply(ChatCustomer customer, String message) {
        Objects.requireNonNull(customer, "customer");
        Texts.requireWellFormed(message, "message");
        if (message.isBlank()) throw new IllegalArgumentException("message: must not be blank");
        if (message.length() > config.maxMessageChars())
            throw new IllegalArgumentException("message: " + message.length() + " characters, above the limit of "
                    + config.maxMessageChars());
        ParsedMessage parsed = parser.parse(message, LocalDate.now(clock));
        Optional<SentimentScore> mood = sentiment.map(s -> s.score(message));
        boolean upset = mood.isPresent() && mood.get().compound() <= config.upsetThreshold();
        List<ProductMatch> products = rank(customer, message, parsed);
        String reply = ReplyWriter.write(parsed, products, upset);
        return new ChatReply(customer.customer().id(), message, parsed, mood, upset, products, reply);
    }

    /** Whether the customer may be offered the product (see the class documentation). */
    public static boolean offerable(ChatCustomer customer, Product product) {
        return !customer.heldProductIds().contains(product.id()) && product.eligibility().admits(customer.customer());
    }

    private List<ProductMatch> rank(ChatCustomer customer, String message, ParsedMessage parsed) {
        boolean support = parsed.isSupportRequest();
        Set<ProductType> families = support ? supportFamilies(parsed) : EnumSet.allOf(ProductType.class);
        if (families.isEmpty() || (support && config.supportTopK() == 0)) return List.of();
        List<String> allowed = new ArrayList<>();
        for (Product p : kb.products())
            if (families.contains(p.type()) && offerable(customer, p))
                for (Passage passage : kb.passagesOf(p.id())) allowed.add(passage.id());
        if (allowed.isEmpty()) return List.of();
        float[] query = support ? supportQuery(message, parsed) : embedder.embed(message);
        SearchRequest request = SearchRequest.topK(Math.min(config.searchDepth(), allowed.size()))
                .withFilter(VectorFilter.ofIds(allowed));
        Map<String, List<PassageMatch>> byProduct = new LinkedHashMap<>();
        for (SearchHit hit : index.search(query, request)) {
            Passage passage = kb.passage(hit.id()).orElseThrow(() -> new IllegalStateException(
                    "index returned '" + hit.id() + "', which is not a passage of the knowledge base"));
            byProduct.computeIfAbsent(passage.productId(), k -> new ArrayList<>())
                    .add(new PassageMatch(passage, hit.score()));
        }
        List<ProductMatch> out = new ArrayList<>(byProduct.size());
        List<Intent> intents = parsed.intents();
        boolean soon = parsed.horizon().map(HorizonMention::isShort).orElse(false);
        for (Map.Entry<String, List<PassageMatch>> e : byProduct.entrySet()) {
            Product p = kb.product(e.getKey()).orElseThrow();
            double similarity = e.getValue().get(0).similarity();
            double score = similarity;
            List<Intent> matched = new ArrayList<>();
            for (int r = 0; r < intents.size(); r++) {
                if (!intents.get(r).productTypes().contains(p.type())) continue;
                matched.add(intents.get(r));
                if (matched.size() == 1) score += r == 0 ? config.intentBonus() : config.intentBonus() / 2;
            }
            if (soon && MARKET_RISK.contains(p.type()) && p.riskLevel() > 2)
                score -= config.horizonPenalty() * (p.riskLevel() - 2);
            out.add(new ProductMatch(p, score, similarity, matched, e.getValue()));
        }
        out.sort(Comparator.comparingDouble(ProductMatch::score).reversed()
                .thenComparing(m -> m.product().id()));
        int limit = support ? config.supportTopK() : config.topK();
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /**
     * The families a support reply may offer: those serving a need the message states, that every reported issue
     * admits as a remedy ({@link SupportIssue#remedies()}), never lending. Empty: support only.
     */
    static Set<ProductType> supportFamilies(ParsedMessage parsed) {
        Set<ProductType> out = EnumSet.noneOf(ProductType.class);
        for (Intent need : parsed.needs()) out.addAll(need.productTypes());
        for (SupportIssue issue : parsed.support()) out.retainAll(issue.remedies());
        out.removeAll(LENDING);
        return out;
    }

    /**
     * The search vector of a support message: the message and what a remedy of each issue does
     * ({@link SupportIssue#remedy()}), averaged and normalised, so the product found addresses the issue the customer
     * has, not just the words around it ("fees abroad" alone finds money transfers; a declined card wants a card).
     */
    private float[] supportQuery(String message, ParsedMessage parsed) {
        float[] q = embedder.embed(message).clone();
        for (SupportIssue issue : parsed.support()) {
            if (issue.remedy().isEmpty()) continue;
            float[] r = remedyVectors.computeIfAbsent(issue, i -> embedder.embed(i.remedy().orElseThrow()));
            for (int d = 0; d < q.length; d++) q[d] += r[d];
        }
        double norm = 0;
        for (float v : q) norm += (double) v * v;
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int d = 0; d < q.length; d++) q[d] *= inv;
        return q;
    }

    /** Builds a {@link ChatRecommender}. Not thread-safe. */
    public static final class Builder {
        private TextEmbedder embedder;
        private KnowledgeBase kb;
        private VectorIndex index;
        private Optional<SentimentScorer> sentiment = Optional.empty();
        private Optional<CustomerDirectory> customers = Optional.empty();
        private Clock clock = Clock.systemDefaultZone();
        private ChatConfig config = ChatConfig.defaults();

        private Builder() {}

        /** The embedder; must be the one the knowledge base was built with (same {@code modelId()}). */
        public Builder embedder(TextEmbedder v) {
            embedder = Objects.requireNonNull(v, "embedder");
            return this;
        }

        /** The knowledge base. */
        public Builder knowledgeBase(KnowledgeBase v) {
            kb = Objects.requireNonNull(v, "knowledgeBase");
            return this;
        }

        /** An empty index of the knowledge base's dimension, metric COSINE or INNER_PRODUCT; build() fills it. */
        public Builder index(VectorIndex v) {
            index = Objects.requireNonNull(v, "index");
            return this;
        }

        /** Scores the message's sentiment to soften replies to upset customers (e.g. VADER). Optional. */
        public Builder sentiment(SentimentScorer v) {
            sentiment = Optional.of(Objects.requireNonNull(v, "sentiment"));
            return this;
        }

        /** Looks customers up by id for {@link ChatRecommender#reply(String, String)}. Optional. */
        public Builder customers(CustomerDirectory v) {
            customers = Optional.of(Objects.requireNonNull(v, "customers"));
            return this;
        }

        /** The clock "today" comes from, for horizons such as "by 2030" (default: the system clock). */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /** Ranking and reply settings. */
        public Builder config(ChatConfig v) {
            config = Objects.requireNonNull(v, "config");
            return this;
        }

        /**
         * Checks the parts fit together, fills the index with the knowledge base's passages and builds.
         *
         * @throws IllegalStateException    if a required part is missing
         * @throws IllegalArgumentException if the embedder or index does not match the knowledge base
         */
        public ChatRecommender build() {
            if (embedder == null) throw new IllegalStateException("embedder: required");
            if (kb == null) throw new IllegalStateException("knowledgeBase: required");
            if (index == null) throw new IllegalStateException("index: required");
            if (!embedder.modelId().equals(kb.modelId()))
                throw new IllegalArgumentException("embedder: model '" + embedder.modelId()
                        + "' differs from the knowledge base's '" + kb.modelId() + "'");
            if (index.metric() == Metric.L2)
                throw new IllegalArgumentException("index: metric must be COSINE or INNER_PRODUCT, was L2");
            if (index.size() != 0)
                throw new IllegalArgumentException("index: must be empty, holds " + index.size() + " vectors");
            kb.addTo(index);
            return new ChatRecommender(this);
        }
    }
}
