package io.finrec.examples.cli;

import io.finrec.api.categorize.CategorizationInput;
import io.finrec.api.categorize.CategoryPrediction;
import io.finrec.core.domain.Transaction;
import io.finrec.nlp.categorize.CategorizerModel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's categorizer section: the default model categorizes the first customers' statements read back from
 * SQLite (descriptions, amounts, MCCs, dates), compared with the bank's labels, plus a few descriptions of
 * merchants the model never saw in training.
 */
final class CategorizeSection implements DemoSection {
    private static final String[] UNSEEN = {"UBER EATS PENDING SAN FRANCISCO CA", "UBER *TRIP HELP.UBER.COM", "SQ *CASH APP",
            "POS 4412 PIGGLY WIGGLY #102 MACON GA", "DELTA DENTAL OF CA 800-765-6003 CA", "ROSIES TAQUERIA*8HD7F6"};

    @Override
    public String title() {
        return "transaction categorizer (default model)";
    }

    @Override
    public void run(DemoContext ctx) {
        PrintWriter out = ctx.out();
        long t0 = System.nanoTime();
        CategorizerModel model = CategorizerModel.builtin();
        out.printf(Locale.ROOT, "loaded the default model in %.2fs: %d categories, %,d directory merchants%n",
                (System.nanoTime() - t0) / 1e9, model.categories().size(), model.knowledge().directory().entries().size());
        List<Transaction> tx = new ArrayList<>();
        for (var c : ctx.store().customers()) {
            tx.addAll(ctx.store().transactions(c.id()));
            if (tx.size() >= 5000) break;
        }
        List<CategorizationInput> inputs = tx.stream().map(CategorizationInput::of).toList();
        long t1 = System.nanoTime();
        List<CategoryPrediction> preds = model.categorizeAll(inputs);
        double secs = (System.nanoTime() - t1) / 1e9;
        long right = 0, labelled = 0, uncategorised = 0;
        for (int i = 0; i < tx.size(); i++) {
            if (!preds.get(i).isCategorised()) uncategorised++;
            if (tx.get(i).category().isEmpty()) continue;
            labelled++;
            if (tx.get(i).category().get().equals(preds.get(i).category())) right++;
        }
        out.printf(Locale.ROOT, "categorized %,d transactions in %.3fs (%,.0f/s): %.1f%% agree with the bank's labels, "
                + "%.1f%% uncategorised%n", tx.size(), secs, tx.size() / Math.max(secs, 1e-9),
                100.0 * right / Math.max(1, labelled), 100.0 * uncategorised / Math.max(1, tx.size()));
        for (int i = 0; i < Math.min(5, tx.size()); i++) show(out, tx.get(i).description(), preds.get(i));
        out.println("merchants absent from its training data:");
        for (String d : UNSEEN) show(out, d, model.categorize(CategorizationInput.of(d)));
    }

    private static void show(PrintWriter out, String description, CategoryPrediction p) {
        out.printf(Locale.ROOT, "  %-46s -> %-13s %.2f  %s%n", description.length() > 46 ? description.substring(0, 43) + "..."
                : description, p.category(), p.probability(), p.merchant());
    }
}
