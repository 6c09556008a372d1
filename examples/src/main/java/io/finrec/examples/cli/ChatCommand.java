package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.api.vector.Metric;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.domain.Product;
import io.finrec.examples.store.BankStore;
import io.finrec.nlp.chat.ChatConfig;
import io.finrec.nlp.chat.ChatCustomer;
import io.finrec.nlp.chat.ChatEvaluation;
import io.finrec.nlp.chat.ChatRecommender;
import io.finrec.nlp.chat.ChatReply;
import io.finrec.nlp.chat.KnowledgeBase;
import io.finrec.nlp.chat.PassageMatch;
import io.finrec.nlp.chat.ProductMatch;
import io.finrec.nlp.chat.ProductPassages;
import io.finrec.nlp.embedding.MiniLmEmbedder;
import io.finrec.nlp.sentiment.VaderSentiment;
import io.finrec.nlp.speech.PocketSphinxTranscriber;
import io.finrec.nlp.speech.Transcript;
import io.finrec.vectorsearch.flat.FlatIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code finrec chat}: a customer's typed or spoken message in, the bank's products that fit out, with the passages
 * that justify them and a short reply. Without a message it runs an interactive session on stdin.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Answers a customer's message with the products that fit (all-MiniLM-L6-v2 + flat vector search,",
                "eligibility and holdings applied inside the search, VADER-softened replies).",
                "  finrec chat --customer C000001 \"I want to save for my daughter's college\"",
                "  finrec chat --customer C000001                 (interactive; 'quit' or Ctrl-D ends)",
                "  finrec chat --customer C000001 --audio msg.wav (needs: apt-get install pocketsphinx pocketsphinx-en-us)",
                "  finrec chat --eval                            (hit@3 and MRR on the shipped evaluation set)"})
public final class ChatCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Option(names = "--customer", paramLabel = "ID", description = "The customer writing (an id in the bank database).")
    String customerId;

    @Parameters(arity = "0..1", paramLabel = "MESSAGE", description = "The message; omit it for an interactive session.")
    String message;

    @Option(names = "--audio", paramLabel = "WAV", description = "Transcribe this voice message (PCM WAV) and answer it.")
    Path audio;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "Products per reply (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "Print each reply as one JSON object.")
    boolean json;

    @Option(names = "--eval", description = "Evaluate on the shipped messages and print hit@1, hit@3 and MRR as JSON.")
    boolean eval;

    @Option(names = "--min-hit-at-3", paramLabel = "X", defaultValue = "0",
            description = "With --eval: exit 1 if hit@3 is below X.")
    double minHitAt3;

    @Option(names = "--min-mrr", paramLabel = "X", defaultValue = "0",
            description = "With --eval: exit 1 if MRR is below X.")
    double minMrr;

    @Option(names = "--cache", paramLabel = "FILE",
            description = "Knowledge-base vector cache (default: chat-passages.frec in FinRec's cache directory).")
    Path cache;

    @Override
    public Integer call() throws IOException {
        CliSupport.djlOffline();
        if (!eval && customerId == null)
            throw new CommandLine.ParameterException(spec.commandLine(), "--customer: required (or use --eval)");
        if (audio != null && message != null)
            throw new CommandLine.ParameterException(spec.commandLine(), "give either MESSAGE or --audio, not both");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the evaluation set is written for the built-in bank's catalogue: no database needed
        if (eval) return evaluate(recommender(BuiltInBank.products(), err, 10), out);
        try (BankStore store = db.openOrBuild(spec)) {
            ChatRecommender chat = recommender(store.products(), err, top);
            ChatCustomer customer = customer(store, customerId);
            if (audio != null) {
                PocketSphinxTranscriber ps = PocketSphinxTranscriber.create();
                ps.unavailableReason().ifPresent(why -> {
                    throw new IllegalStateException("--audio: voice messages need PocketSphinx: " + why);
                });
                Transcript t = ps.transcribe(audio);
                err.printf(Locale.ROOT, "heard (%.1f s of audio, %.1f s): %s%n", t.audioSeconds(), t.elapsedSeconds(),
                        t.text().isEmpty() ? "(nothing)" : t.text());
                err.flush();
                if (t.text().isBlank()) throw new IllegalArgumentException("--audio: no speech was recognised in " + audio);
                print(out, chat.reply(customer, t.text()));
            } else if (message != null) {
                print(out, chat.reply(customer, message));
            } else {
                interactive(chat, customer, out, err);
            }
        }
        return 0;
    }

    private ChatRecommender recommender(java.util.List<Product> products, PrintWriter err, int k) throws IOException {
        Path cacheFile = cache != null ? cache : MiniLmEmbedder.cacheDirectory().resolve("chat-passages.frec");
        Files.createDirectories(cacheFile.toAbsolutePath().getParent());
        MiniLmEmbedder embedder = MiniLmEmbedder.shared();
        KnowledgeBase kb;
        try (ProgressBar bar = ProgressBar.onStderr()) {
            kb = KnowledgeBase.build(products, ProductPassages.forCatalogue(products), embedder, Optional.of(cacheFile), bar);
        }
        if (kb.embeddedCount() > 0) {
            err.println("finrec: embedded " + kb.embeddedCount() + " knowledge-base passages (cached in " + cacheFile + ")");
            err.flush();
        }
        return ChatRecommender.builder().embedder(embedder).knowledgeBase(kb)
                .index(FlatIndex.create(kb.dimension(), Metric.COSINE)).sentiment(VaderSentiment.create())
                .config(ChatConfig.builder().topK(k).build()).build();
    }

    private ChatCustomer customer(BankStore store, String id) {
        var c = store.customer(id).orElseThrow(() -> new IllegalArgumentException(
                "--customer: unknown customer '" + id + "' in " + db.path()));
        Set<String> held = new HashSet<>();
        for (Product p : store.holdings(id)) held.add(p.id());
        return new ChatCustomer(c, held);
    }

    private int evaluate(ChatRecommender chat, PrintWriter out) throws IOException {
        ChatEvaluation.Result r = ChatEvaluation.evaluate(chat, ChatEvaluation.builtInCases());
        ObjectNode o = JSON.createObjectNode();
        o.put("messages", r.cases());
        o.put("hitAt1", round(r.hitAt1()));
        o.put("hitAt3", round(r.hitAt3()));
        o.put("mrr", round(r.mrr()));
        out.println(JSON.writeValueAsString(o));
        out.flush();
        boolean ok = true;
        if (r.hitAt3() < minHitAt3) {
            spec.commandLine().getErr().printf(Locale.ROOT, "finrec: hit@3 %.3f is below the floor %.3f%n", r.hitAt3(), minHitAt3);
            ok = false;
        }
        if (r.mrr() < minMrr) {
            spec.commandLine().getErr().printf(Locale.ROOT, "finrec: MRR %.3f is below the floor %.3f%n", r.mrr(), minMrr);
            ok = false;
        }
        return ok ? 0 : 1;
    }

    private void interactive(ChatRecommender chat, ChatCustomer customer, PrintWriter out, PrintWriter err)
            throws IOException {
        Utf8Lines in = new Utf8Lines(System.in, "stdin", 100_000);
        err.println("Chatting as " + customer.customer().id() + ". Type a message; 'quit' or Ctrl-D ends.");
        while (true) {
            err.print("you> ");
            err.flush();
            String line;
            try {
                line = in.next();
            } catch (io.finrec.core.io.DataFormatException e) {
                err.println("finrec: " + e.getMessage() + "; please type it again");
                continue;
            }
            if (line == null || line.strip().equalsIgnoreCase("quit") || line.strip().equalsIgnoreCase("exit")) break;
            if (line.isBlank()) continue;
            try {
                print(out, chat.reply(customer, line));
            } catch (IllegalArgumentException e) {
                err.println("finrec: " + e.getMessage());
            }
        }
    }

    private void print(PrintWriter out, ChatReply r) throws IOException {
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("customer", r.customerId());
            o.put("message", r.message());
            o.put("reply", r.reply());
            ArrayNode intents = o.putArray("intents");
            r.parsed().intents().forEach(i -> intents.add(i.name()));
            ArrayNode support = o.putArray("support");
            r.parsed().support().forEach(i -> support.add(i.name()));
            r.parsed().amount().ifPresent(a -> o.put("amount", a.value()));
            r.parsed().amount().flatMap(a -> a.currency()).ifPresent(c -> o.put("currency", c.getCurrencyCode()));
            r.parsed().horizon().ifPresent(h -> o.put("horizonMonths", h.months()));
            r.sentiment().ifPresent(s -> o.put("sentiment", s.compound()));
            o.put("upset", r.upset());
            ArrayNode products = o.putArray("products");
            for (ProductMatch m : r.products()) {
                ObjectNode p = products.addObject();
                p.put("id", m.product().id());
                p.put("name", m.product().name());
                p.put("score", round(m.score()));
                p.put("similarity", round(m.similarity()));
                ArrayNode ps = p.putArray("passages");
                for (PassageMatch pm : m.passages()) {
                    ObjectNode x = ps.addObject();
                    x.put("id", pm.passage().id());
                    x.put("similarity", round(pm.similarity()));
                    x.put("text", pm.passage().text());
                }
            }
            out.println(JSON.writeValueAsString(o));
        } else {
            out.println("bank> " + r.reply());
            int i = 1;
            for (ProductMatch m : r.products()) {
                out.printf(Locale.ROOT, "  %d. %s (%s)  score %.3f%n", i++, m.product().name(), m.product().id(), m.score());
                PassageMatch best = m.passages().get(0);
                out.printf(Locale.ROOT, "     \"%s\" [%s, %.2f]%n", best.passage().text(),
                        best.passage().kind().name().toLowerCase(Locale.ROOT), best.similarity());
            }
            StringBuilder facts = new StringBuilder();
            facts.append("intents: ").append(r.parsed().intents().isEmpty() ? "none" : r.parsed().intents().toString()
                    .toLowerCase(Locale.ROOT));
            r.parsed().amount().ifPresent(a -> facts.append("; amount: ").append(a.value().toPlainString())
                    .append(a.currency().map(c -> " " + c.getCurrencyCode()).orElse("")));
            r.parsed().horizon().ifPresent(h -> facts.append("; horizon: ").append(h.months()).append(" months"));
            if (r.parsed().isSupportRequest())
                facts.append("; support: ").append(r.parsed().support().toString().toLowerCase(Locale.ROOT));
            r.sentiment().ifPresent(s -> facts.append(String.format(Locale.ROOT, "; sentiment %.2f", s.compound()))
                    .append(r.upset() ? " (upset)" : ""));
            out.println("  (" + facts + ")");
        }
        out.flush();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
