package io.finrec.nlp.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.RiskProfile;
import io.finrec.core.domain.Segment;
import io.finrec.core.io.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Measures how often {@link ChatRecommender} puts a product a banker would pick near the top. FinRec ships 74
 * realistic customer messages for the built-in bank ({@code chat-eval.jsonl}: saving, borrowing, investing, travel,
 * protection and payments, with slang, typos and angry customers), each with a customer profile, the products the
 * customer holds and the set of products a banker would accept. Stateless and thread-safe.
 *
 * <p>Metrics: hit@k is the share of messages with an acceptable product in the first k; MRR is the mean of 1/rank of
 * the first acceptable product (0 when none is in the recommender's top {@link ChatConfig#topK()}).
 */
public final class ChatEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatEvaluation() {}

    /**
     * One evaluation message.
     *
     * @param line     line in the source file
     * @param profile  name of the customer profile
     * @param customer the customer
     * @param message  the message
     * @param expected products a banker would accept, any of them counts as a hit
     */
    public record Case(int line, String profile, ChatCustomer customer, String message, Set<String> expected) {
        public Case {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(message, "message");
            expected = Set.copyOf(expected);
        }
    }

    /**
     * The outcome of one case.
     *
     * @param testCase the case
     * @param ranked   recommended product ids, best first
     * @param rank     1-based rank of the first acceptable product, 0 if none was recommended
     */
    public record CaseResult(Case testCase, List<String> ranked, int rank) {
        public CaseResult {
            ranked = List.copyOf(ranked);
        }
    }

    /**
     * Aggregate metrics.
     *
     * @param cases   number of messages
     * @param hitAt1  share with an acceptable product first
     * @param hitAt3  share with an acceptable product in the first three
     * @param mrr     mean reciprocal rank
     * @param results per-case outcomes, in input order
     */
    public record Result(int cases, double hitAt1, double hitAt3, double mrr, List<CaseResult> results) {
        public Result {
            results = List.copyOf(results);
        }
    }

    /** The shipped evaluation set for the built-in bank. */
    public static List<Case> builtInCases() {
        try (InputStream profiles = resource("chat-eval-profiles.json"); InputStream cases = resource("chat-eval.jsonl")) {
            return read(profiles, cases, "chat-eval.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ChatEvaluation.class.getResourceAsStream(name);
        if (in == null) throw new IOException("resource " + name + " is missing from finrec-nlp");
        return in;
    }

    /**
     * Reads an evaluation set: a JSON object of named profiles ({@code {"name": {"age", "income", "segment",
     * "risk"}}}) and JSON lines {@code {"profile", "held": [ids], "message", "expected": [ids]}}.
     *
     * @throws DataFormatException naming the source, line and field of the first bad record
     */
    public static List<Case> read(InputStream profilesJson, InputStream casesJsonl, String source) throws IOException {
        JsonNode profiles = JSON.readTree(profilesJson);
        Map<String, Customer> byName = new HashMap<>();
        for (var it = profiles.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode p = e.getValue();
            try {
                byName.put(e.getKey(), new Customer("EVAL-" + e.getKey(), p.path("age").asInt(),
                        new BigDecimal(p.path("income").asText()), Segment.valueOf(p.path("segment").asText()),
                        RiskProfile.valueOf(p.path("risk").asText()), "EV"));
            } catch (RuntimeException ex) {
                throw new DataFormatException("profiles", 0, 0, e.getKey(), "invalid profile: " + ex.getMessage(), ex);
            }
        }
        List<Case> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(casesJsonl, StandardCharsets.UTF_8));
        String text;
        int line = 0;
        while ((text = r.readLine()) != null) {
            line++;
            if (text.isBlank()) continue;
            JsonNode n;
            try {
                n = JSON.readTree(text);
            } catch (IOException e) {
                throw new DataFormatException(source, out.size() + 1, line, null, "invalid JSON: " + e.getMessage(), e);
            }
            String profile = n.path("profile").asText();
            Customer c = byName.get(profile);
            if (c == null) throw new DataFormatException(source, out.size() + 1, line, "profile", "unknown profile '" + profile + "'", null);
            String message = n.path("message").asText();
            if (message.isBlank()) throw new DataFormatException(source, out.size() + 1, line, "message", "missing", null);
            Set<String> expected = strings(n.path("expected"));
            if (expected.isEmpty()) throw new DataFormatException(source, out.size() + 1, line, "expected", "empty", null);
            out.add(new Case(line, profile, new ChatCustomer(c, strings(n.path("held"))), message, expected));
        }
        return List.copyOf(out);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode x : array) out.add(x.asText());
        return out;
    }

    /**
     * Runs every case through the recommender.
     *
     * @throws IllegalArgumentException naming the line if an expected product is unknown or cannot be offered to the
     *                                  case's customer (the evaluation set would be wrong, not the recommender)
     */
    public static Result evaluate(ChatRecommender recommender, List<Case> cases) {
        Objects.requireNonNull(recommender, "recommender");
        if (cases.isEmpty()) throw new IllegalArgumentException("cases: must not be empty");
        List<CaseResult> results = new ArrayList<>(cases.size());
        double hit1 = 0, hit3 = 0, rr = 0;
        for (Case c : cases) {
            for (String id : c.expected()) {
                Product p = recommender.knowledgeBase().product(id).orElseThrow(() -> new IllegalArgumentException(
                        "line " + c.line() + ": expected product '" + id + "' is not in the catalogue"));
                if (!ChatRecommender.offerable(c.customer(), p))
                    throw new IllegalArgumentException("line " + c.line() + ": expected product '" + id
                            + "' cannot be offered to profile '" + c.profile() + "' ("
                            + (c.customer().heldProductIds().contains(id) ? "already held"
                            : p.eligibility().whyNot(c.customer().customer())) + ")");
            }
            List<String> ranked = new ArrayList<>();
            for (ProductMatch m : recommender.reply(c.customer(), c.message()).products()) ranked.add(m.product().id());
            int rank = 0;
            for (int i = 0; i < ranked.size() && rank == 0; i++) if (c.expected().contains(ranked.get(i))) rank = i + 1;
            if (rank == 1) hit1++;
            if (rank >= 1 && rank <= 3) hit3++;
            if (rank > 0) rr += 1.0 / rank;
            results.add(new CaseResult(c, ranked, rank));
        }
        int n = cases.size();
        return new Result(n, hit1 / n, hit3 / n, rr / n, results);
    }
}
