package io.finrec.nlp.social;

import static io.finrec.core.domain.ProductType.CAR_LOAN;
import static io.finrec.core.domain.ProductType.CREDIT_CARD;
import static io.finrec.core.domain.ProductType.CURRENT_ACCOUNT;
import static io.finrec.core.domain.ProductType.EDUCATION_LOAN;
import static io.finrec.core.domain.ProductType.FIXED_DEPOSIT;
import static io.finrec.core.domain.ProductType.FOREX;
import static io.finrec.core.domain.ProductType.HOME_LOAN;
import static io.finrec.core.domain.ProductType.INSURANCE;
import static io.finrec.core.domain.ProductType.INVESTMENT;
import static io.finrec.core.domain.ProductType.INVESTMENT_ADVISORY;
import static io.finrec.core.domain.ProductType.PERSONAL_LOAN;
import static io.finrec.core.domain.ProductType.RECURRING_DEPOSIT;
import static io.finrec.core.domain.ProductType.RETIREMENT;
import static io.finrec.core.domain.ProductType.SAVINGS_ACCOUNT;
import static io.finrec.core.domain.ProductType.TAX_PLANNING;

import io.finrec.api.sentiment.SentimentScore;
import io.finrec.api.sentiment.SentimentScorer;
import io.finrec.core.domain.ProductType;
import io.finrec.core.domain.SocialPost;
import io.finrec.nlp.keywords.Keyword;
import io.finrec.nlp.keywords.KeywordCategory;
import io.finrec.nlp.keywords.KeywordExtractor;
import io.finrec.nlp.sentiment.VaderSentiment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a customer's social posts into recommendation signals: each post is scored for sentiment and searched for
 * financial keywords; a rule table maps life events, product mentions and intents to product-type affinities
 * (e.g. "finally bought our first house!" → insurance and a home-loan top-up) and service actions (e.g. "my card
 * got declined again, furious" → card support and churn risk), each with reasons. Posts are weighted by recency
 * (exponential decay with a configurable half-life). Product mentions count as interest only when the post is not
 * negative; negative posts about products, complaints, declines, switching and cancelling add churn evidence.
 *
 * <p>Immutable and thread-safe if its sentiment scorer is (FinRec's are).
 */
public final class SocialSignalAnalyzer {
    /** Default recency half-life, in days. */
    public static final double DEFAULT_HALF_LIFE_DAYS = 90;

    private record Rule(ProductType product, String action, double weight, String why) {}

    private static final Map<String, List<Rule>> RULES = new LinkedHashMap<>();

    private static void rule(String trigger, Rule... rules) {
        RULES.put(trigger, List.of(rules));
    }

    private static Rule p(ProductType t, double w, String why) {
        return new Rule(t, null, w, why);
    }

    private static Rule a(String action, double w, String why) {
        return new Rule(null, action, w, why);
    }

    static {
        rule("life_event:home_purchase", p(INSURANCE, 1.0, "a new home needs home insurance"),
                p(HOME_LOAN, 0.8, "a home-loan top-up can fund furnishing and renovation"));
        rule("life_event:wedding", p(CURRENT_ACCOUNT, 0.6, "couples often open a joint account"),
                p(SAVINGS_ACCOUNT, 0.6, "saving together for shared goals"),
                p(INSURANCE, 0.5, "life cover for a new family"), p(PERSONAL_LOAN, 0.3, "wedding costs"));
        rule("life_event:baby", p(INSURANCE, 0.8, "life cover protects a growing family"),
                p(RECURRING_DEPOSIT, 0.7, "regular saving for the child's future"),
                p(SAVINGS_ACCOUNT, 0.5, "a buffer for new expenses"));
        rule("life_event:new_job", p(INVESTMENT, 0.7, "a new income can be invested"),
                p(RETIREMENT, 0.6, "a new job is the moment to set pension contributions"),
                p(TAX_PLANNING, 0.5, "a pay change shifts the tax position"), p(CREDIT_CARD, 0.4, "higher income, better card"));
        rule("life_event:moving", p(INSURANCE, 0.6, "contents insurance for the new place"),
                p(HOME_LOAN, 0.3, "moving may mean buying"));
        rule("life_event:retirement", p(RETIREMENT, 1.0, "retirement income planning"),
                p(INVESTMENT_ADVISORY, 0.8, "advice on drawing down savings"),
                p(FIXED_DEPOSIT, 0.6, "low-risk income in retirement"));
        rule("life_event:college", p(EDUCATION_LOAN, 1.0, "education costs"), p(SAVINGS_ACCOUNT, 0.4, "saving for fees"));
        rule("life_event:job_loss", a("hardship_support", 1.2, "lost a job: offer payment holidays and budgeting help"));
        rule("life_event:divorce", p(CURRENT_ACCOUNT, 0.7, "a separation needs an account of one's own"),
                p(INVESTMENT_ADVISORY, 0.6, "splitting assets calls for advice"));
        rule("life_event:new_car", p(CAR_LOAN, 1.0, "buying a car"), p(INSURANCE, 0.7, "a new car needs insurance"));
        rule("life_event:travel", p(FOREX, 1.0, "travelling abroad needs foreign currency"),
                p(CREDIT_CARD, 0.5, "a travel card without foreign fees"), p(INSURANCE, 0.5, "travel insurance"));
        rule("intent:declined", a("card_support", 1.0, "a declined card or application: reach out to fix it"));
        rule("intent:complaint", a("complaint_follow_up", 1.0, "a public complaint: follow up"));
        rule("intent:fraud", a("fraud_support", 1.5, "reported fraud or a scam: secure the account"));
        rule("intent:switch", a("retention_outreach", 1.0, "talks of switching banks"));
        rule("intent:cancel", a("retention_outreach", 1.0, "talks of cancelling or closing"));
        rule("intent:advice", p(INVESTMENT_ADVISORY, 0.5, "asks for financial advice"));
        rule("intent:buy", p(INVESTMENT, 0.3, "wants to buy"));
        rule("intent:sell", p(INVESTMENT, 0.2, "trades"));
        rule("horizon:long_term", p(INVESTMENT, 0.3, "thinks long term"), p(RETIREMENT, 0.2, "thinks long term"));
    }

    private static final Map<String, ProductType> PRODUCT_TYPES = Map.ofEntries(
            Map.entry("mortgage", HOME_LOAN), Map.entry("credit_card", CREDIT_CARD), Map.entry("debit_card", CURRENT_ACCOUNT),
            Map.entry("isa", SAVINGS_ACCOUNT), Map.entry("401k", RETIREMENT), Map.entry("ira", RETIREMENT),
            Map.entry("fixed_deposit", FIXED_DEPOSIT), Map.entry("savings_account", SAVINGS_ACCOUNT),
            Map.entry("current_account", CURRENT_ACCOUNT), Map.entry("personal_loan", PERSONAL_LOAN),
            Map.entry("car_loan", CAR_LOAN), Map.entry("student_loan", EDUCATION_LOAN),
            Map.entry("overdraft", CURRENT_ACCOUNT), Map.entry("home_insurance", INSURANCE),
            Map.entry("life_insurance", INSURANCE), Map.entry("car_insurance", INSURANCE),
            Map.entry("travel_insurance", INSURANCE), Map.entry("health_insurance", INSURANCE),
            Map.entry("pension", RETIREMENT), Map.entry("mutual_fund", INVESTMENT), Map.entry("brokerage", INVESTMENT),
            Map.entry("crypto", INVESTMENT));
    private static final Map<String, Double> CHURN = Map.of("intent:declined", 0.5, "intent:complaint", 0.7,
            "intent:fraud", 0.3, "intent:switch", 1.0, "intent:cancel", 1.0);

    private final SentimentScorer sentiment;
    private final KeywordExtractor keywords;
    private final double halfLifeDays;

    /**
     * @param sentiment    scores each post (VADER suits personal posts)
     * @param keywords     finds products, life events and intents
     * @param halfLifeDays recency half-life in days (&gt; 0)
     */
    public SocialSignalAnalyzer(SentimentScorer sentiment, KeywordExtractor keywords, double halfLifeDays) {
        this.sentiment = Objects.requireNonNull(sentiment, "sentiment");
        this.keywords = Objects.requireNonNull(keywords, "keywords");
        if (!(halfLifeDays > 0) || !Double.isFinite(halfLifeDays))
            throw new IllegalArgumentException("halfLifeDays: must be positive, was " + halfLifeDays);
        this.halfLifeDays = halfLifeDays;
    }

    /** VADER, the built-in vocabulary and a 90-day half-life. */
    public static SocialSignalAnalyzer create() {
        return new SocialSignalAnalyzer(VaderSentiment.create(), KeywordExtractor.builtIn(), DEFAULT_HALF_LIFE_DAYS);
    }

    /**
     * Analyses one customer's posts as of {@code now} (posts after {@code now} count fully).
     *
     * @throws IllegalArgumentException if a post belongs to another customer (naming the post)
     */
    public SocialProfile analyze(String customerId, List<SocialPost> posts, Instant now) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(posts, "posts");
        Objects.requireNonNull(now, "now");
        List<PostSignals> signals = new ArrayList<>();
        for (SocialPost post : posts) {
            Objects.requireNonNull(post, "posts: null post");
            if (!post.customerId().equals(customerId))
                throw new IllegalArgumentException("posts: post " + post.id() + " belongs to customer "
                        + post.customerId() + ", not " + customerId);
            double ageDays = Math.max(0, Duration.between(post.time(), now).toSeconds() / 86400.0);
            double w = Math.pow(0.5, ageDays / halfLifeDays);
            signals.add(new PostSignals(post, sentiment.score(post.text()), keywords.extract(post.text()), w));
        }
        signals.sort(Comparator.comparing((PostSignals s) -> s.post().time()).reversed().thenComparing(s -> s.post().id()));

        Map<ProductType, double[]> affinity = new EnumMap<>(ProductType.class);
        Map<ProductType, List<Reason>> affinityWhy = new EnumMap<>(ProductType.class);
        Map<String, double[]> action = new LinkedHashMap<>();
        Map<String, List<Reason>> actionWhy = new LinkedHashMap<>();
        double churn = 0, sentimentSum = 0, weightSum = 0;
        for (PostSignals s : signals) {
            SentimentScore sc = s.sentiment();
            double w = s.weight();
            sentimentSum += w * sc.compound();
            weightSum += w;
            boolean negative = sc.compound() <= -VaderSentiment.LABEL_THRESHOLD;
            String snippet = snippet(s.post().text());
            Set<String> fired = new LinkedHashSet<>();
            for (Keyword k : s.keywords()) {
                String key = k.key();
                if (!fired.add(key)) continue;
                for (Rule r : RULES.getOrDefault(key, List.of())) {
                    Reason why = new Reason(s.post().id(), key, "posted \"" + snippet + "\": " + r.why());
                    if (r.product() != null) add(affinity, affinityWhy, r.product(), r.weight() * w, why);
                    else add(action, actionWhy, r.action(), r.weight() * w, why);
                }
                churn += CHURN.getOrDefault(key, 0.0) * w;
                if (k.category() == KeywordCategory.PRODUCT) {
                    ProductType t = PRODUCT_TYPES.get(k.canonical());
                    if (t == null) continue;
                    if (negative) {
                        churn += 0.5 * -sc.compound() * w;
                    } else {
                        add(affinity, affinityWhy, t, 0.5 * w, new Reason(s.post().id(), key,
                                "posted \"" + snippet + "\": shows interest in " + k.canonical().replace('_', ' ')));
                    }
                }
            }
        }
        double churnRisk = 1 - Math.exp(-churn);
        if (churnRisk >= 0.5 && !action.containsKey("retention_outreach")) {
            add(action, actionWhy, "retention_outreach", churn,
                    new Reason(signals.get(0).post().id(), "churn_risk", String.format(java.util.Locale.ROOT,
                            "churn risk %.2f from negative banking posts", churnRisk)));
        }
        List<ProductAffinity> aff = new ArrayList<>();
        affinity.forEach((t, v) -> aff.add(new ProductAffinity(t, v[0], affinityWhy.get(t))));
        aff.sort(Comparator.comparingDouble(ProductAffinity::score).reversed().thenComparing(ProductAffinity::productType));
        List<ServiceAction> acts = new ArrayList<>();
        action.forEach((n, v) -> acts.add(new ServiceAction(n, v[0], actionWhy.get(n))));
        acts.sort(Comparator.comparingDouble(ServiceAction::score).reversed().thenComparing(ServiceAction::action));
        double mean = weightSum == 0 ? 0 : Math.max(-1, Math.min(1, sentimentSum / weightSum));
        return new SocialProfile(customerId, signals, aff, acts, mean, churnRisk);
    }

    private static <K> void add(Map<K, double[]> score, Map<K, List<Reason>> why, K key, double w, Reason r) {
        score.computeIfAbsent(key, k -> new double[1])[0] += w;
        why.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }

    private static String snippet(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
