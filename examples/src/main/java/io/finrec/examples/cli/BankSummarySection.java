package io.finrec.examples.cli;

import io.finrec.core.dataset.BankTable;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.LifeEvent;
import io.finrec.core.domain.Loan;
import io.finrec.core.domain.LoanRepayment;
import io.finrec.core.domain.PricePoint;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.SavingsGoal;
import io.finrec.core.domain.Segment;
import io.finrec.core.domain.SocialPost;
import io.finrec.examples.store.BankStore;
import io.finrec.examples.store.CategorySpend;
import io.finrec.examples.store.ProductHolding;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The demo's first section: what is in the bank, read back from SQLite. */
final class BankSummarySection implements DemoSection {
    @Override
    public String title() {
        return "the bank, read back from SQLite";
    }

    @Override
    public void run(DemoContext ctx) {
        BankStore store = ctx.store();
        PrintWriter out = ctx.out();
        Map<BankTable, Long> counts = store.counts();
        out.println("tables:");
        counts.forEach((t, n) -> out.printf(Locale.ROOT, "  %-16s %,10d%n", t.tableName(), n));

        long customers = counts.get(BankTable.CUSTOMERS);
        out.println("customers by segment:");
        for (Map.Entry<Segment, Long> e : store.customersBySegment().entrySet())
            out.printf(Locale.ROOT, "  %-18s %,6d  %4.1f%%%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / customers);

        List<CategorySpend> spend = store.spendByCategory();
        BigDecimal max = spend.isEmpty() ? BigDecimal.ONE : spend.get(0).total();
        out.printf(Locale.ROOT, "spending by category (all customers, %s):%n", ctx.config().start().getYear());
        for (CategorySpend s : spend) {
            int bar = (int) Math.round(30 * s.total().doubleValue() / Math.max(1, max.doubleValue()));
            out.printf(Locale.ROOT, "  %-14s %,9d tx  %,16.2f  %s%n", s.category(), s.count(), s.total(), "#".repeat(bar));
        }

        out.println("most held products:");
        for (ProductHolding h : store.holdingsByProduct().stream().limit(10).toList())
            out.printf(Locale.ROOT, "  %-32s %,6d holders (%4.1f%%)%n", h.product().name(), h.holders(),
                    100.0 * h.holders() / customers);

        out.println("market series (monthly total-return indexes):");
        for (String series : List.of("STOCKS", "BONDS", "REAL_ESTATE", "CASH")) {
            List<PricePoint> p = store.prices(series);
            if (p.size() < 2) continue;
            double years = (p.size() - 1) / 12.0;
            double cagr = Math.pow(p.get(p.size() - 1).price() / p.get(0).price(), 1 / years) - 1;
            double mean = 0, var = 0, peak = 0, drawdown = 0;
            double[] r = new double[p.size() - 1];
            for (int i = 1; i < p.size(); i++) r[i - 1] = p.get(i).price() / p.get(i - 1).price() - 1;
            for (double x : r) mean += x / r.length;
            for (double x : r) var += (x - mean) * (x - mean) / (r.length - 1);
            for (PricePoint x : p) {
                peak = Math.max(peak, x.price());
                drawdown = Math.max(drawdown, 1 - x.price() / peak);
            }
            out.printf(Locale.ROOT, "  %-12s %s..%s  CAGR %5.1f%%  vol %5.1f%%  max drawdown %5.1f%%%n", series,
                    p.get(0).date(), p.get(p.size() - 1).date(), 100 * cagr, 100 * Math.sqrt(12 * var), 100 * drawdown);
        }

        profile(store, out, ctx.customerId());
    }

    private static void profile(BankStore store, PrintWriter out, String id) {
        Customer c = store.customer(id).orElseThrow();
        out.printf(Locale.ROOT, "customer %s: age %d, income %,d, %s, risk profile %s, %s%n", c.id(), c.age(),
                c.annualIncome().longValue(), c.segment(), c.riskProfile(), c.region());
        out.println("  holds: " + String.join(", ", store.holdings(id).stream().map(Product::name).toList()));
        List<CategorySpend> spend = store.spendByCategory(id);
        StringBuilder top = new StringBuilder();
        for (CategorySpend s : spend.stream().limit(5).toList())
            top.append(top.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %,.0f", s.category(), s.total()));
        out.println("  top spending: " + top);
        var tx = store.transactions(id);
        out.printf(Locale.ROOT, "  %,d transactions; latest:%n", tx.size());
        for (var t : tx.subList(Math.max(0, tx.size() - 3), tx.size()))
            out.printf(Locale.ROOT, "    %s %10s  %-12s %s%n", t.timestamp().toString().substring(0, 10),
                    t.amount().amount().toPlainString(), t.category().orElse("?"), t.description());
        for (LifeEvent e : store.lifeEvents(id)) out.println("  life event: " + e.kind() + " on " + e.date());
        for (SavingsGoal g : store.goals(id))
            out.printf(Locale.ROOT, "  goal: %s, %,.0f by %s%n", g.name(), g.target().amount(), g.deadline());
        for (Loan l : store.loans(id)) {
            List<LoanRepayment> rep = store.repayments(l.id());
            long late = rep.stream().filter(r -> r.paidOn().isPresent() && r.paidOn().get().isAfter(r.due())).count();
            long missed = rep.stream().filter(r -> r.paidOn().isEmpty()).count();
            out.printf(Locale.ROOT, "  loan: %s %,.0f at %.2f%% over %d months; %d instalments this year, %d late, %d unpaid%n",
                    l.productId(), l.principal().amount(), 100 * l.annualRate(), l.termMonths(), rep.size(), late, missed);
        }
        List<SocialPost> posts = store.posts(id);
        for (SocialPost p : posts.subList(Math.max(0, posts.size() - 3), posts.size()))
            out.println("  post: \"" + p.text() + "\"");
    }
}
