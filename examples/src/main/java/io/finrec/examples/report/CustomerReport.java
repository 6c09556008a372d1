package io.finrec.examples.report;

import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Product;
import io.finrec.examples.advice.AllocationSummary;
import io.finrec.examples.alerts.Alert;
import io.finrec.examples.charts.BankCharts;
import io.finrec.examples.charts.ChartImages;
import io.finrec.examples.recommend.ProductRecommendation;
import io.finrec.examples.spending.SpendingSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One customer's page: profile and holdings, spending by category (pie) and by month (stacked bars) with a table,
 * alerts with their evidence, recommended products with their reasons (hybrid model and similar customers), social
 * signals when there are any, and the investment allocation (pie) with its explanation. Self-contained: the charts
 * are inline SVG, the style is inline, there are no scripts and no external resources, so it opens offline.
 * Immutable and thread-safe.
 *
 * @param customer        the customer
 * @param asOf            the date the data ends
 * @param holdings        the products they hold
 * @param spending        their spending
 * @param alerts          their alerts, most recent first
 * @param recommendations the hybrid model's recommendations with reasons
 * @param similar         user-based CF's recommendations (similar customers)
 * @param social          lines about their recent social posts (sentiment, keywords; may be empty)
 * @param fromPosts       products their posts point to, with the posts as reasons (may be empty)
 * @param allocation      their allocation
 */
public record CustomerReport(Customer customer, LocalDate asOf, List<Product> holdings, SpendingSummary spending,
                             List<Alert> alerts, List<ProductRecommendation> recommendations,
                             List<ProductRecommendation> similar, List<String> social,
                             List<ProductRecommendation> fromPosts, AllocationSummary allocation) {
    public CustomerReport {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(asOf, "asOf");
        holdings = List.copyOf(holdings);
        Objects.requireNonNull(spending, "spending");
        alerts = List.copyOf(alerts);
        recommendations = List.copyOf(recommendations);
        similar = List.copyOf(similar);
        social = List.copyOf(social);
        fromPosts = List.copyOf(fromPosts);
        Objects.requireNonNull(allocation, "allocation");
    }

    /** The file name of a customer's report. */
    public static String fileName(String customerId) {
        return "report-" + customerId + ".html";
    }

    /** Writes the page into {@code dir} (created if needed) and returns its path. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(fileName(customer.id()));
        Files.writeString(f, html(), StandardCharsets.UTF_8);
        return f;
    }

    /** The page. */
    public String html() {
        StringBuilder h = new StringBuilder(64 * 1024);
        Customer c = customer;
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>FinBank — ").append(esc(c.id())).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        h.append("<header><h1>Your FinBank overview</h1><p class=\"sub\">Customer ").append(esc(c.id()))
                .append(" · data up to ").append(asOf).append("</p></header>\n");

        h.append("<section id=\"profile\"><h2>Profile</h2><table class=\"kv\">");
        kv(h, "Age", Integer.toString(c.age()));
        kv(h, "Annual income", money(c.annualIncome().doubleValue()));
        kv(h, "Segment", words(c.segment().name()));
        kv(h, "Risk profile", words(c.riskProfile().name()) + " (" + c.riskProfile().level() + " of 5)");
        kv(h, "Region", c.region());
        kv(h, "Products held", holdings.isEmpty() ? "none" : String.join(", ", holdings.stream().map(Product::name).toList()));
        h.append("</table></section>\n");

        h.append("<section id=\"spending\"><h2>Spending by category</h2>");
        if (spending.isEmpty()) {
            h.append("<p>No spending in this period.</p>");
        } else {
            h.append("<p>").append(money(spending.total())).append(" spent over ").append(spending.months().size())
                    .append(" month(s) (transfers between accounts and salary are not spending).</p>");
            h.append("<div class=\"charts\"><figure class=\"chart\" id=\"spending-pie\">")
                    .append(ChartImages.svg(BankCharts.spendingPie(spending, "Spending by category"), 560, 420))
                    .append("<figcaption>Share of spending per category</figcaption></figure>");
            h.append("<figure class=\"chart\" id=\"spending-months\">")
                    .append(ChartImages.svg(BankCharts.monthlyBars(spending, "Spending per month"), 560, 420))
                    .append("<figcaption>Spending per month</figcaption></figure></div>");
            h.append("<table class=\"grid\"><thead><tr><th>Category</th>");
            for (YearMonth m : spending.months()) h.append("<th>").append(m.getMonthValue()).append('/').append(m.getYear() % 100).append("</th>");
            h.append("<th>Total</th></tr></thead><tbody>");
            for (Map.Entry<String, Double> e : spending.byCategory().entrySet()) {
                h.append("<tr><th><span class=\"dot\" style=\"background:").append(hex(BankCharts.colour(e.getKey())))
                        .append("\"></span>").append(esc(e.getKey())).append("</th>");
                for (YearMonth m : spending.months())
                    h.append("<td>").append(whole(spending.byMonth().getOrDefault(m, Map.of()).getOrDefault(e.getKey(), 0.0))).append("</td>");
                h.append("<td><b>").append(whole(e.getValue())).append("</b></td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section>\n");

        h.append("<section id=\"alerts\"><h2>Alerts</h2>");
        if (alerts.isEmpty()) h.append("<p>No alerts.</p>");
        else {
            h.append("<ul class=\"alerts\">");
            for (Alert a : alerts) {
                h.append("<li class=\"").append(a.severity().name().toLowerCase(Locale.ROOT)).append("\"><span class=\"tag\">")
                        .append(a.severity()).append("</span> <b>").append(a.date()).append("</b> ").append(esc(a.message()))
                        .append("<details><summary>evidence</summary><table class=\"kv\">");
                a.evidence().forEach((k, v) -> kv(h, k, v));
                h.append("</table></details></li>");
            }
            h.append("</ul>");
        }
        h.append("</section>\n");

        h.append("<section id=\"recommendations\"><h2>Recommended for you</h2>");
        products(h, recommendations, "No products to recommend (you hold or are not eligible for the rest).");
        if (!similar.isEmpty()) {
            h.append("<h3>Popular with customers like you</h3>");
            products(h, similar, "");
        }
        h.append("</section>\n");

        if (!social.isEmpty() || !fromPosts.isEmpty()) {
            h.append("<section id=\"social\"><h2>From your posts</h2><ul>");
            for (String s : social) h.append("<li>").append(esc(s)).append("</li>");
            h.append("</ul>");
            if (!fromPosts.isEmpty()) {
                h.append("<h3>What your posts point to</h3>");
                products(h, fromPosts, "");
            }
            h.append("</section>\n");
        }

        h.append("<section id=\"allocation\"><h2>Investment strategy</h2><div class=\"charts\"><figure class=\"chart\" id=\"allocation-pie\">")
                .append(ChartImages.svg(BankCharts.allocationPie(allocation, "Suggested allocation"), 460, 360))
                .append("<figcaption>Allocation per asset class</figcaption></figure><div><table class=\"kv\">");
        kv(h, "Risk profile", words(allocation.profile()));
        kv(h, "Market regime", words(allocation.regime()));
        allocation.weights().forEach((k, v) -> kv(h, words(k), String.format(Locale.ROOT, "%.1f %%", 100 * v)));
        kv(h, "Expected return", String.format(Locale.ROOT, "%.1f %% a year", 100 * allocation.expectedReturn()));
        kv(h, "Volatility", String.format(Locale.ROOT, "%.1f %% a year", 100 * allocation.volatility()));
        kv(h, "Sharpe ratio", String.format(Locale.ROOT, "%.2f", allocation.sharpe()));
        h.append("</table></div></div><div class=\"explain\">");
        boolean open = false;
        for (String line : allocation.explanation()) {
            if (line.isBlank()) continue;
            if (line.endsWith(":")) {
                if (open) h.append("</ul>");
                h.append("<h4>").append(esc(line.substring(0, line.length() - 1))).append("</h4><ul>");
                open = true;
            } else {
                if (!open) {
                    h.append("<ul>");
                    open = true;
                }
                h.append("<li>").append(esc(line)).append("</li>");
            }
        }
        if (open) h.append("</ul>");
        h.append("</div></section>\n<footer>Generated by FinRec from the bank's data; figures are estimates, not advice.</footer>\n</body></html>\n");
        return h.toString();
    }

    private static void products(StringBuilder h, List<ProductRecommendation> recs, String empty) {
        if (recs.isEmpty()) {
            if (!empty.isEmpty()) h.append("<p>").append(esc(empty)).append("</p>");
            return;
        }
        h.append("<ol class=\"recs\">");
        for (ProductRecommendation r : recs) {
            h.append("<li><b>").append(esc(r.productName())).append("</b> <span class=\"muted\">").append(esc(r.productId()))
                    .append(String.format(Locale.ROOT, " · score %.3f · %s", r.score(), esc(r.source()))).append("</span><ul>");
            for (String why : r.reasons()) h.append("<li>").append(esc(why)).append("</li>");
            h.append("</ul></li>");
        }
        h.append("</ol>");
    }

    private static void kv(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    private static String words(String enumName) {
        String s = enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String money(double v) {
        return String.format(Locale.US, "$%,.2f", v);
    }

    private static String whole(double v) {
        return v == 0 ? "·" : String.format(Locale.US, "%,.0f", v);
    }

    private static String hex(java.awt.Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;"
            + "max-width:1180px;padding:16px 24px;color:#1d2330;background:#f6f7fb}"
            + "header h1{margin:0;color:#0b3d91}.sub,.muted{color:#667}"
            + "section{background:#fff;border-radius:10px;padding:12px 20px;margin:16px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}"
            + "h2{color:#0b3d91;border-bottom:1px solid #e3e6ee;padding-bottom:4px}"
            + ".charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}figure.chart{margin:0}"
            + "figure.chart svg{max-width:100%;height:auto}figcaption{color:#667;font-size:.85em;text-align:center}"
            + "table{border-collapse:collapse}table.kv th{text-align:left;padding:2px 12px 2px 0;color:#445;font-weight:600}"
            + "table.grid{font-size:.85em;margin-top:8px}table.grid td,table.grid th{padding:3px 6px;border-bottom:1px solid #eef}"
            + "table.grid td{text-align:right}.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px}"
            + "ul.alerts{list-style:none;padding:0}ul.alerts li{padding:6px 8px;margin:4px 0;border-left:4px solid #999;background:#fafbfd}"
            + "ul.alerts li.critical{border-color:#c0392b}ul.alerts li.warning{border-color:#e69f00}ul.alerts li.info{border-color:#0072b2}"
            + ".tag{font-size:.75em;font-weight:700;color:#555}details{font-size:.85em;margin-top:4px}"
            + "ol.recs>li{margin:8px 0}ol.recs ul{margin:2px 0;color:#334;font-size:.92em}"
            + ".explain h4{margin:10px 0 2px}footer{color:#889;font-size:.8em;text-align:center;margin:24px 0}";
}
