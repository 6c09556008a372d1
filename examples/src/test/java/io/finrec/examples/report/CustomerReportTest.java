package io.finrec.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.finrec.core.domain.Customer;
import io.finrec.core.domain.RiskProfile;
import io.finrec.core.domain.Segment;
import io.finrec.examples.advice.AllocationSummary;
import io.finrec.examples.alerts.Alert;
import io.finrec.examples.alerts.AlertKind;
import io.finrec.examples.alerts.Severity;
import io.finrec.examples.recommend.ProductRecommendation;
import io.finrec.examples.spending.MonthlySpend;
import io.finrec.examples.spending.SpendingSummary;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page's content, and that it renders in headless Chromium (skipped, with the reason, without one). */
class CustomerReportTest {
    static CustomerReport report() {
        Customer c = new Customer("C000042", 38, new BigDecimal("91000"), Segment.FAMILY, RiskProfile.GROWTH, "CA");
        List<MonthlySpend> rows = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            rows.add(new MonthlySpend(YearMonth.of(2024, m), "groceries", 12, 600 + 10 * m));
            rows.add(new MonthlySpend(YearMonth.of(2024, m), "rent", 1, 2100));
            rows.add(new MonthlySpend(YearMonth.of(2024, m), "dining", 5, 180));
            rows.add(new MonthlySpend(YearMonth.of(2024, m), "transfers", 2, 900));
        }
        Alert a = new Alert(c.id(), AlertKind.TRANSACTION_LIMIT, "T1", Severity.WARNING, LocalDate.of(2024, 5, 2),
                "You have exceeded your transaction limit of $5,000: $6,000 (<script>alert(1)</script>)",
                Map.of("amount", "6000.00", "limit", "5000.00"));
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("STOCKS", 0.55);
        w.put("BONDS", 0.30);
        w.put("REAL_ESTATE", 0.10);
        w.put("CASH", 0.05);
        AllocationSummary alloc = new AllocationSummary(c.id(), "GROWTH", "NORMAL", w, 0.071, 0.102, 0.5,
                List.of("Profile:", "Growth profile: stocks 40-80 %.", "Regime:", "Normal markets."));
        return new CustomerReport(c, LocalDate.of(2024, 6, 30), List.of(), SpendingSummary.of(rows), List.of(a),
                List.of(new ProductRecommendation("P-CC-GOLD", "Gold Credit Card", 1.2, "hybrid",
                        List.of("customers in the family segment choose it (+0.31)"))),
                List.of(), List.of(), List.of(), alloc);
    }

    @Test
    void thePageIsSelfContainedEscapedAndHoldsEveryPart(@TempDir Path tmp) throws Exception {
        Path page = report().write(tmp);
        assertEquals("report-C000042.html", page.getFileName().toString());
        String html = Files.readString(page);
        for (String s : List.of("id=\"spending-pie\"", "id=\"spending-months\"", "id=\"allocation-pie\"", "Gold Credit Card",
                "customers in the family segment choose it", "You have exceeded your transaction limit of $5,000",
                "&lt;script&gt;", "Growth profile: stocks 40-80 %.", "groceries", "rent", "dining"))
            assertTrue(html.contains(s), s);
        assertFalse(html.contains("<script"), "no scripts (and alert text is escaped)");
        assertFalse(html.contains(">transfers<"), "transfers are not spending");
        assertEquals(3, html.split("<svg", -1).length - 1, "three inline charts");
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:|//).*"), "no external resources");
    }

    static Optional<Path> chromium() {
        String env = System.getenv("FINREC_CHROMIUM");
        for (String p : new String[] {env, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
            if (p != null && Files.isExecutable(Path.of(p))) return Optional.of(Path.of(p));
        return Optional.empty();
    }

    static String chrome(Path exe, Path profile, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void itRendersInHeadlessChromium(@TempDir Path tmp) throws Exception {
        Optional<Path> exe = chromium();
        if (exe.isEmpty() && System.getenv("FINREC_REQUIRE_CHROMIUM") != null)
            throw new AssertionError("FINREC_REQUIRE_CHROMIUM is set but no chromium was found");
        assumeTrue(exe.isPresent(), "chromium is not installed (apt-get install chromium, or set FINREC_CHROMIUM): "
                + "skipping the headless render check");
        Path page = report().write(tmp);
        String dom = chrome(exe.get(), tmp.resolve("profile"), "--dump-dom", page.toUri().toString());
        assertTrue(dom.contains("id=\"spending-pie\"") && dom.contains("id=\"allocation-pie\""), dom.length() + " chars of DOM");
        assertTrue(dom.contains("<svg") && dom.contains("<path"), "the SVG charts are in the rendered DOM");
        Path shot = tmp.resolve("page.png");
        chrome(exe.get(), tmp.resolve("profile2"), "--window-size=1200,2200", "--hide-scrollbars", "--screenshot=" + shot,
                page.toUri().toString());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertTrue(img != null && img.getWidth() >= 1000, "a screenshot");
        int coloured = 0;
        for (int y = 0; y < img.getHeight(); y += 2)
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) coloured++;
            }
        assertTrue(coloured > 5_000, "the charts were painted (" + coloured + " strongly coloured sample pixels)");
    }
}
