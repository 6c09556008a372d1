package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.core.domain.SocialPost;
import io.finrec.core.io.BankSchemas;
import io.finrec.core.io.CsvRecords;
import io.finrec.core.io.JsonLines;
import io.finrec.core.io.RecordReader;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code finrec social}: what a customer's social posts say, and the products and services they point to. */
@Command(name = "social", mixinStandardHelpOptions = true,
        description = {"Analyse one customer's social posts: sentiment and keywords per post, then product-type",
            "affinities and service actions (card support, retention...) with reasons, and the user features fed",
            "to the hybrid recommender."})
public final class SocialCommand implements Callable<Integer> {
    @Option(names = "--customer", required = true, description = "customer id")
    String customer;

    @Option(names = "--posts", required = true,
            description = "social posts file: CSV or JSON lines with id, customer_id, time, text")
    Path posts;

    @Option(names = "--as-of", description = "reference time for recency weighting (ISO-8601; default: latest post)")
    Instant asOf;

    @Option(names = "--json", description = "print one JSON object instead of a report")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<SocialPost> mine = read(posts, customer);
        if (mine.isEmpty()) {
            System.err.println("finrec: no posts for customer " + customer + " in " + posts);
            return 1;
        }
        Instant now = asOf != null ? asOf : mine.stream().map(SocialPost::time).max(Instant::compareTo).orElseThrow();
        SocialProfile p = SocialSignalAnalyzer.create().analyze(customer, mine, now);
        if (json) System.out.println(toJson(p));
        else System.out.print(report(p));
        return 0;
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

    static String report(SocialProfile p) {
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

    static ObjectNode toJson(SocialProfile p) {
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
            ArrayNode why = as.addObject().put("productType", a.productType().name()).put("score", a.score()).putArray("reasons");
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
