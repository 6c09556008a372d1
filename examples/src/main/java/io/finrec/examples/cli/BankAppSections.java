package io.finrec.examples.cli;

import io.finrec.examples.advice.AllocationSummary;
import io.finrec.examples.alerts.Alert;
import io.finrec.examples.alerts.AlertEngine;
import io.finrec.examples.alerts.AlertKind;
import io.finrec.examples.alerts.AlertPolicy;
import io.finrec.examples.app.BankApp;
import io.finrec.examples.app.Categorizers;
import io.finrec.examples.charts.BankCharts;
import io.finrec.examples.charts.ChartImages;
import io.finrec.examples.recommend.BankRecommender;
import io.finrec.examples.report.CustomerReport;
import io.finrec.examples.spending.SpendingSummary;
import io.finrec.nlp.chat.ChatCustomer;
import io.finrec.nlp.chat.ChatRecommender;
import io.finrec.nlp.chat.ChatReply;
import io.finrec.nlp.chat.ProductMatch;
import io.finrec.nlp.social.SocialProfile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The bank app's sections of {@code finrec demo}, in the order they run. */
final class BankAppSections {
    private BankAppSections() {}

    /** One app per store, so the sections share what it has read and trained. */
    private static final Map<io.finrec.examples.store.BankStore, BankApp> APPS = new java.util.WeakHashMap<>();

    static synchronized BankApp app(DemoContext ctx) {
        return APPS.computeIfAbsent(ctx.store(), s -> new BankApp(s, BankApp.Settings.defaults()));
    }

    static void printSpending(PrintWriter out, String customer, SpendingSummary s, boolean categorised) {
        out.printf(Locale.ROOT, "spending of %s by category and month (%s; transfers and salary are not spending): total %,.0f%n",
                customer, categorised ? "categorised transactions" : "the data's own labels", s.total());
        SpendingCommand.table(out, s);
    }

    /** Categorises every transaction with the library's default categorizer and writes the categories back. */
    static final class Categorise implements DemoSection {
        @Override
        public String title() {
            return "categorise every transaction";
        }

        @Override
        public void run(DemoContext ctx) throws Exception {
            PrintWriter out = ctx.out();
            Optional<Categorizers.Named> cat = Categorizers.defaultCategorizer();
            if (cat.isEmpty()) {
                out.println("no transaction categorizer in this build: spending uses the categories the data carries");
                return;
            }
            BankApp.StageResult r = ctx.withProgress(bar -> app(ctx).categorise(cat.get(), bar));
            long[] agree = ctx.store().results().categoryAgreement();
            out.printf(Locale.ROOT, "%s %,d transactions with %s%s%n", r.reused() ? "reused the categories of" : "categorised",
                    r.rows(), cat.get().id(), r.reused() ? " (same data and model; --rebuild to redo)"
                            : String.format(Locale.ROOT, " in %.2fs (%,.0f transactions/s, written to transaction_categories)",
                            r.seconds(), r.rows() / Math.max(1e-9, r.seconds())));
            if (agree[0] > 0)
                out.printf(Locale.ROOT, "agreement with the generator's true labels: %.2f%% (%,d uncategorised below the confidence threshold)%n",
                        100.0 * agree[1] / agree[0], agree[2]);
            Map<String, Double> all = ctx.store().results().spendingByCategory();
            out.println("spending by category, all customers: " + String.join(", ", all.entrySet().stream().limit(8)
                    .map(e -> String.format(Locale.ROOT, "%s %,.0f", e.getKey(), e.getValue())).toList()));
        }
    }

    /** The demo customer's spending and pie chart. */
    static final class Spending implements DemoSection {
        @Override
        public String title() {
            return "spending insights and pie chart";
        }

        @Override
        public void run(DemoContext ctx) throws Exception {
            BankApp app = app(ctx);
            SpendingSummary s = app.spending(ctx.customerId());
            printSpending(ctx.out(), ctx.customerId(), s, app.categorised());
            Path[] files = ChartImages.write(BankCharts.spendingPie(s, "Spending of " + ctx.customerId()), 640, 480,
                    ctx.workDir().resolve("charts"), "spending-" + ctx.customerId());
            ctx.out().printf(Locale.ROOT, "pie chart: %s (%,d bytes), %s (%,d bytes)%n", files[0], Files.size(files[0]),
                    files[1], Files.size(files[1]));
        }
    }

    /** Alerts for every customer, stored idempotently. */
    static final class Alerts implements DemoSection {
        @Override
        public String title() {
            return "alerts for every customer";
        }

        @Override
        public void run(DemoContext ctx) throws Exception {
            PrintWriter out = ctx.out();
            BankApp app = app(ctx);
            BankApp.AlertsResult r = ctx.withProgress(
                    bar -> app.raiseAlerts(new AlertEngine(AlertPolicy.defaults()), "default", bar));
            if (r.reused()) out.printf(Locale.ROOT, "reused %,d stored alerts (same data, categories and policy)%n", r.raised());
            else out.printf(Locale.ROOT, "raised %,d alerts as of %s, %,d new (stored alerts are never duplicated)%n",
                    r.raised(), app.asOf(), r.added());
            out.println("  by kind: " + String.join(", ", r.byKind().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
            List<Alert> mine = ctx.store().results().alerts(ctx.customerId());
            if (mine.isEmpty()) out.printf(Locale.ROOT, "%s has no alerts; examples from other customers:%n", ctx.customerId());
            else out.printf(Locale.ROOT, "%s has %d alert(s); the most recent:%n", ctx.customerId(), mine.size());
            for (Alert a : mine.subList(0, Math.min(6, mine.size())))
                out.printf(Locale.ROOT, "  %s %-8s %s%n", a.date(), a.severity(), a.message());
            for (AlertKind k : List.of(AlertKind.TRANSACTION_LIMIT, AlertKind.UNUSUAL_SPENDING, AlertKind.LOAN_MISSED,
                    AlertKind.SAVINGS_GOAL, AlertKind.LOW_BALANCE)) {
                if (mine.stream().anyMatch(a -> a.kind() == k)) continue;
                example(ctx, k).ifPresent(a -> out.printf(Locale.ROOT, "  e.g. %s: %s%n", a.customerId(), a.message()));
            }
        }

        private static Optional<Alert> example(DemoContext ctx, AlertKind kind) {
            return ctx.store().results().firstAlert(kind);
        }
    }

    /** Recommendations with reasons for every customer; the demo customer's shown. */
    static final class Recommend implements DemoSection {
        @Override
        public String title() {
            return "product recommendations (hybrid model + similar customers)";
        }

        @Override
        public void run(DemoContext ctx) throws Exception {
            PrintWriter out = ctx.out();
            BankApp app = app(ctx);
            long t0 = System.nanoTime();
            BankRecommender rec = ctx.withProgress(bar -> app.recommender(ctx.workDir(), bar));
            double train = (System.nanoTime() - t0) / 1e9;
            BankApp.StageResult stored = ctx.withProgress(bar -> app.storeRecommendations(rec, 10, bar));
            out.printf(Locale.ROOT, "model ready in %.2fs; %,d recommendations with reasons %s for %,d customers%s%n",
                    train, stored.rows(), stored.reused() ? "reused" : "stored", rec.hybrid().userIds().size(),
                    stored.reused() ? " (same model)" : String.format(Locale.ROOT, " in %.2fs", stored.seconds()));
            out.println(ctx.customerId() + ", hybrid model (held and ineligible products excluded):");
            AppCommands.print(out, rec.recommend(ctx.customerId(), 6), true);
            out.println(ctx.customerId() + ", similar customers (user-based CF):");
            AppCommands.print(out, rec.recommendUserCf(ctx.customerId(), 3), false);
            out.printf(Locale.ROOT, "one request (top 10, eligibility filter, no reasons): %.1f µs%n",
                    AppCommands.requestMicros(rec, ctx.customerId(), 10));
        }
    }

    /** What the demo customer's (or the most active poster's) social posts say and point to. */
    static final class Social implements DemoSection {
        @Override
        public String title() {
            return "social posts: sentiment and keywords -> products";
        }

        @Override
        public void run(DemoContext ctx) throws Exception {
            PrintWriter out = ctx.out();
            BankApp app = app(ctx);
            String who = ctx.customerId();
            if (ctx.store().posts(who).isEmpty()) {
                who = ctx.store().results().mostActivePoster().orElse(who);
                out.println(ctx.customerId() + " has not posted; showing " + who);
            }
            SocialProfile p = app.social(who);
            out.printf(Locale.ROOT, "%s: %d posts, mean sentiment %.2f, churn risk %.2f%n", who, p.posts().size(),
                    p.meanSentiment(), p.churnRisk());
            for (String line : app.socialLines(who).subList(0, Math.min(4, app.socialLines(who).size())))
                out.println("  " + line);
            BankRecommender rec = app.recommender(ctx.workDir(), io.finrec.api.progress.ProgressListener.NONE);
            List<io.finrec.examples.recommend.ProductRecommendation> recs = app.socialRecommendations(who, rec, 3);
            out.println("products the posts point to (held and ineligible excluded; the hybrid picks within each type):");
            AppCommands.print(out, recs, true);
            for (var a : p.actions()) out.printf(Locale.ROOT, "  service action: %s (%.2f)%n", a.action(), a.score());
        }
    }

    /** Chat recommendations for typed messages. */
    static final class Chat implements DemoSection {
        static final List<String> MESSAGES = List.of("I want to save for my daughter's college without much risk",
                "my card got declined again at the airport, this is ridiculous", "thinking about buying our first home next year");

        @Override
        public String title() {
            return "chat: typed messages -> products and passages";
        }

        @Override
        public void run(DemoContext ctx) throws Exception {
            PrintWriter out = ctx.out();
            BankApp app = app(ctx);
            long t0 = System.nanoTime();
            ChatRecommender chat = ctx.withProgress(bar -> app.chat(ctx.workDir().resolve("chat-passages.frec"), bar));
            out.printf(Locale.ROOT, "knowledge base: %d passages of %d products, %d embedded now (the rest from the cache), ready in %.2fs%n",
                    chat.knowledgeBase().passages().size(), chat.knowledgeBase().products().size(),
                    chat.knowledgeBase().embeddedCount(), (System.nanoTime() - t0) / 1e9);
            ChatCustomer who = app.chatCustomer(ctx.customerId());
            for (String m : MESSAGES) {
                long s0 = System.nanoTime();
                ChatReply r = chat.reply(who, m);
                out.printf(Locale.ROOT, "> %s%n  %s%n", m, r.reply().replace("\n", "\n  "));
                for (ProductMatch pm : r.products().subList(0, Math.min(3, r.products().size())))
                    out.printf(Locale.ROOT, "    %-32s %.3f  \"%s\"%n", pm.product().name(), pm.score(),
                            pm.passages().isEmpty() ? "" : shorten(pm.passages().get(0).passage().text()));
                out.printf(Locale.ROOT, "  (%.1f ms)%n", (System.nanoTime() - s0) / 1e6);
            }
        }

        private static String shorten(String s) {
            return s.length() <= 90 ? s : s.substring(0, 87) + "...";
        }
    }

    /** The offline evaluation on a time split. */
    static final class Evaluate implements DemoSection {
        @Override
        public String title() {
            return "offline evaluation on a time split";
        }

        @Override
        public void run(DemoContext ctx) throws Exception {
            EvaluateCommand.print(ctx.out(), ctx.withProgress(bar -> app(ctx).evaluate(5, bar)));
        }
    }

    /** Allocations for every customer; the demo customer's explained. */
    static final class Advise implements DemoSection {
        @Override
        public String title() {
            return "investment strategy";
        }

        @Override
        public void run(DemoContext ctx) {
            PrintWriter out = ctx.out();
            BankApp app = app(ctx);
            BankApp.StageResult r = app.storeAllocations();
            out.printf(Locale.ROOT, "%s %,d allocations (one optimisation per risk profile)%n", r.reused() ? "reused" : "stored", r.rows());
            AllocationSummary a = app.allocation(ctx.customerId());
            out.printf(Locale.ROOT, "%s: profile %s, regime %s: %s; expected return %.1f%%, volatility %.1f%%%n",
                    ctx.customerId(), a.profile(), a.regime(), String.join(", ", a.weights().entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100 * e.getValue())).toList()),
                    100 * a.expectedReturn(), 100 * a.volatility());
            for (String line : a.explanation().subList(0, Math.min(8, a.explanation().size()))) out.println("  " + line);
        }
    }

    /** The demo customer's HTML report. */
    static final class Report implements DemoSection {
        @Override
        public String title() {
            return "HTML report";
        }

        @Override
        public void run(DemoContext ctx) throws Exception {
            BankApp app = app(ctx);
            BankRecommender rec = app.recommender(ctx.workDir(), io.finrec.api.progress.ProgressListener.NONE);
            CustomerReport report = app.report(ctx.customerId(), rec, new AlertEngine(AlertPolicy.defaults()), 10);
            Path f = report.write(ctx.workDir().resolve("reports"));
            ctx.out().printf(Locale.ROOT, "wrote %s (%,d bytes, self-contained: charts inline as SVG); open it in a browser,"
                    + " or 'finrec report --customer ID --out DIR' for others%n", f, Files.size(f));
        }
    }
}
