package io.finrec.examples.charts;

import io.finrec.examples.advice.AllocationSummary;
import io.finrec.examples.spending.SpendingSummary;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

/**
 * The app's charts as JFreeChart objects (render them with {@link ChartImages}). Each category keeps the same colour
 * in every chart. Stateless; each call builds a new chart (JFreeChart objects are not thread-safe, but separate
 * charts may be built and drawn on separate threads).
 */
public final class BankCharts {
    /** A colour-blind-friendly palette (Okabe–Ito plus greys and tints), one colour per category. */
    private static final Color[] PALETTE = {
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73), new Color(0xF0E442), new Color(0x0072B2),
        new Color(0xD55E00), new Color(0xCC79A7), new Color(0x999999), new Color(0x882255), new Color(0x44AA99),
        new Color(0x117733), new Color(0xDDCC77), new Color(0x332288), new Color(0xAA4499), new Color(0x88CCEE),
        new Color(0x661100)};

    /** The categories in a fixed order, so a category has one colour everywhere. */
    private static final List<String> KNOWN = List.of("dining", "entertainment", "fees", "fuel", "groceries",
            "healthcare", "insurance", "rent", "salary", "shopping", "telecom", "transfers", "transport", "travel",
            "utilities", "uncategorised");

    private BankCharts() {}

    /** The colour of a category. */
    public static Color colour(String category) {
        int i = KNOWN.indexOf(category);
        return PALETTE[Math.floorMod(i >= 0 ? i : category.hashCode(), PALETTE.length)];
    }

    /** A pie of spending by category, slices labelled with their share. */
    public static JFreeChart spendingPie(SpendingSummary s, String title) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        for (Map.Entry<String, Double> e : s.byCategory().entrySet()) data.setValue(e.getKey(), e.getValue());
        JFreeChart chart = ChartFactory.createPieChart(title, data, true, false, Locale.US);
        @SuppressWarnings("unchecked")
        PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
        for (String c : s.byCategory().keySet()) plot.setSectionPaint(c, colour(c));
        style(chart);
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0} {2}", java.text.NumberFormat.getInstance(Locale.US),
                java.text.NumberFormat.getPercentInstance(Locale.US)));
        plot.setNoDataMessage("no spending");
        return chart;
    }

    /** Stacked bars of spending per month and category. */
    public static JFreeChart monthlyBars(SpendingSummary s, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<YearMonth, Map<String, Double>> m : s.byMonth().entrySet())
            for (String c : s.categories())
                data.addValue(m.getValue().getOrDefault(c, 0.0), c, String.format(Locale.ROOT, "%02d/%02d",
                        m.getKey().getMonthValue(), m.getKey().getYear() % 100));
        JFreeChart chart = ChartFactory.createStackedBarChart(title, "month", "spending ($)", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(1.5f);
        chart.getCategoryPlot().getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        BarRenderer r = (BarRenderer) chart.getCategoryPlot().getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        List<String> cats = s.categories();
        for (int i = 0; i < cats.size(); i++) r.setSeriesPaint(i, colour(cats.get(i)));
        style(chart);
        return chart;
    }

    /** A pie of an allocation's weights per asset class. */
    public static JFreeChart allocationPie(AllocationSummary a, String title) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        for (Map.Entry<String, Double> e : a.weights().entrySet()) if (e.getValue() > 1e-6) data.setValue(e.getKey(), e.getValue());
        JFreeChart chart = ChartFactory.createPieChart(title, data, true, false, Locale.US);
        @SuppressWarnings("unchecked")
        PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
        Paint[] assets = {new Color(0x0072B2), new Color(0x009E73), new Color(0xD55E00), new Color(0x999999)};
        int i = 0;
        for (String k : a.weights().keySet()) plot.setSectionPaint(k, assets[i++ % assets.length]);
        style(chart);
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0} {2}", java.text.NumberFormat.getInstance(Locale.US),
                java.text.NumberFormat.getPercentInstance(Locale.US)));
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        chart.getPlot().setOutlineVisible(false);
        if (chart.getTitle() != null) chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        if (chart.getPlot() instanceof PiePlot<?> p) {
            p.setShadowPaint(null);
            p.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            p.setLabelBackgroundPaint(new Color(255, 255, 255, 220));
        }
    }
}
