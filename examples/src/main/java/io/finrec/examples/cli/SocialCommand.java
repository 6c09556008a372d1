package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.ProductType;
import io.finrec.core.domain.SocialPost;
import io.finrec.core.io.BankSchemas;
import io.finrec.core.io.CsvRecords;
import io.finrec.core.io.JsonLines;
import io.finrec.core.io.RecordReader;
import io.finrec.examples.store.BankStore;
import io.finrec.nlp.keywords.Keyword;
import io.finrec.nlp.social.PostSignals;
import io.finrec.nlp.social.ProductAffinity;
import io.finrec.nlp.social.Reason;
import io.finrec.nlp.social.ServiceAction;
import io.finrec.nlp.social.SocialProfile;
import io.finrec.nlp.social.SocialSignalAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code finrec social}: what a customer's social posts say, and the products and services they point to. */
@Command(name = "social", mixinStandardHelpOptions = true,
        description = {"Analyse one customer's social posts (from the bank database, or --posts FILE): sentiment and",
            "keywords per post, then product-type affinities with the bank's products the customer does not hold,",
            "service actions (card support, retention...) with reasons, and the user features for the hybrid",
            "recommender."})
public final class SocialCommand implements Callable<Integer> {
    @Option(names = "--customer", required = true, description = "customer id")
    String customer;

    @Option(names = "--posts",
            description = "read posts from this file (CSV or JSON lines: id, customer_id, time, text) instead of the bank")
    Path posts;

    @Mixin
    DbOption db;

    @Spec
    CommandSpec spec;

    @Option(names = "--as-of", description = "reference time for recency weighting (ISO-8601; default: latest post)")
    Instant asOf;

    @Option(names = "--json", description = "print one JSON object instead of a report")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<SocialPost> mine;
        List<Product> offers = List.of();
        if (posts != null) {
            mine = read(posts, customer);
        } else {
            try (BankStore store = db.openOrBuild(spec)) {
                if (store.customer(customer).isEmpty())
                    throw new ParameterException(spec.commandLine(), "--customer: unknown customer id '" + customer + "' in " + db.path());
                mine = store.posts(customer);
                Set<String> held = new HashSet<>();
                for (Product p : store.holdings(customer)) held.add(p.id());
                offers = store.products().stream().filter(p -> !held.contains(p.id())).toList();
            }
        }
        if (mine.isEmpty()) {
            System.err.println("finrec: no posts for customer " + customer + (posts != null ? " in " + posts : ""));
            return 1;
        }
        Instant now = asOf != null ? asOf : mine.stream().map(SocialPost::time).max(Instant::compareTo).orElseThrow();
        SocialProfile p = SocialSignalAnalyzer.create().analyze(customer, mine, now);
        if (json) System.out.println(toJson(p, offers));
        else System.out.print(report(p, offers));
        return 0;
    }

    /**
     * Up to three bank products of the type that the customer does not hold yet, those whose names share most
     * words with the reasons first (travel reasons put the travel card and travel insurance on top).
     */
    static List<Product> productsOf(ProductAffinity a, List<Product> offers) {
        Set<String> why = new HashSet<>(List.of(a.reasons().stream().map(Reason::text).collect(Collectors.joining(" "))
                .toLowerCase(Locale.ROOT).split("[^a-z]+")));
        return offers.stream().filter(o -> o.type() == a.productType())
                .sorted(java.util.Comparator.comparingInt((Product o) -> -overlap(o.name(), why, a.productType()))
                        .thenComparing(Product::id))
                .limit(3).toList();
    }

    /** Words of the product name (other than generic ones and the type's own) found in the reasons. */
    private static int overlap(String name, Set<String> why, ProductType type) {
        Set<String> generic = new HashSet<>(List.of("card", "account", "insurance", "loan", "services", "plan"));
        generic.addAll(List.of(type.name().toLowerCase(Locale.ROOT).split("_")));
        int n = 0;
        for (String w : name.toLowerCase(Locale.ROOT).split("[^a-z]+"))
            if (w.length() >= 4 && !generic.contains(w) && why.contains(w)) n++;
        return n;
    }

    static List<SocialPost> read(Path file, String customer) throws IOException {
        List<SocialPost> out = new ArrayList<>();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (RecordReader<SocialPost> r = name.endsWith(".jsonl") || name.endsWith(".json")
                ? JsonLines.read(file, BankSchemas.SOCIAL_POST) : CsvRecords.read(file, BankSchemas.SOCIAL_POST)) {
            while (r.hasNext()) {
                SocialPost p = r.next();
                if (p.customerId().equals(customer)) out.add(p);
            }
        }
        return out;
    }

    static String report(SocialProfile p, List<Product> offers) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "customer %s: %d posts, mean sentiment %.3f, churn risk %.2f%n%n", p.customerId(),
                p.posts().size(), p.meanSentiment(), p.churnRisk()));
        sb.append("posts (newest first):\n");
        for (PostSignals s : p.posts()) {
            sb.append(String.format(Locale.ROOT, "  %s %s  [%s %.3f, weight %.2f]%n    %s%n", s.post().id(), s.post().time(),
                    s.sentiment().label(), s.sentiment().compound(), s.weight(), s.post().text()));
            if (!s.keywords().isEmpty())
                sb.append("    keywords: ").append(s.keywords().stream().map(Keyword::key).distinct()
                        .collect(Collectors.joining(", "))).append('\n');
        }
        sb.append("\nproducts they point to:\n");
        if (p.affinities().isEmpty()) sb.append("  (none)\n");
        for (ProductAffinity a : p.affinities()) {
            sb.append(String.format(Locale.ROOT, "  %-20s %.3f%n", a.productType(), a.score()));
            for (Product o : productsOf(a, offers))
                sb.append("      offer ").append(o.id()).append(": ").append(o.name()).append('\n');
            for (Reason r : a.reasons()) sb.append("      because ").append(r.text()).append('\n');
        }
        sb.append("\nservice actions:\n");
        if (p.actions().isEmpty()) sb.append("  (none)\n");
        for (ServiceAction a : p.actions()) {
            sb.append(String.format(Locale.ROOT, "  %-20s %.3f%n", a.action(), a.score()));
            for (Reason r : a.reasons()) sb.append("      because ").append(r.text()).append('\n');
        }
        sb.append("\nuser features for the hybrid recommender:\n");
        p.userFeatures().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s = %.3f%n", k, v)));
        return sb.toString();
    }

    static ObjectNode toJson(SocialProfile p, List<Product> offers) {
        ObjectNode n = SentimentCommand.JSON.createObjectNode();
        n.put("customer", p.customerId()).put("meanSentiment", p.meanSentiment()).put("churnRisk", p.churnRisk());
        ArrayNode ps = n.putArray("posts");
        for (PostSignals s : p.posts()) {
            ObjectNode o = ps.addObject().put("id", s.post().id()).put("time", s.post().time().toString())
                    .put("text", s.post().text()).put("label", s.sentiment().label())
                    .put("compound", s.sentiment().compound()).put("weight", s.weight());
            ArrayNode ks = o.putArray("keywords");
            s.keywords().forEach(k -> ks.add(k.key()));
        }
        ArrayNode as = n.putArray("affinities");
        for (ProductAffinity a : p.affinities()) {
            ObjectNode o = as.addObject().put("productType", a.productType().name()).put("score", a.score());
            ArrayNode prods = o.putArray("products");
            productsOf(a, offers).forEach(x -> prods.addObject().put("id", x.id()).put("name", x.name()));
            ArrayNode why = o.putArray("reasons");
            a.reasons().forEach(r -> why.add(r.text()));
        }
        ArrayNode ac = n.putArray("actions");
        for (ServiceAction a : p.actions()) {
            ArrayNode why = ac.addObject().put("action", a.action()).put("score", a.score()).putArray("reasons");
            a.reasons().forEach(r -> why.add(r.text()));
        }
        ObjectNode f = n.putObject("userFeatures");
        p.userFeatures().forEach(f::put);
        return n;
    }
}
