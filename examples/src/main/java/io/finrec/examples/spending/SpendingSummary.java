package io.finrec.examples.spending;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A customer's spending by category and by month, from their {@link MonthlySpend} rows. Categories that move money
 * rather than spend it are left out ({@link #NOT_SPENDING}: card payments and transfers between one's own accounts
 * would otherwise count each card purchase twice). Immutable and thread-safe.
 */
public final class SpendingSummary {
    /** Categories that are not spending: transfers (card payments, savings, person to person) and salary. */
    public static final Set<String> NOT_SPENDING = Set.of("transfers", "salary");

    private final Map<String, Double> byCategory;
    private final Map<YearMonth, Map<String, Double>> byMonth;
    private final double total;

    private SpendingSummary(Map<String, Double> byCategory, Map<YearMonth, Map<String, Double>> byMonth, double total) {
        this.byCategory = byCategory;
        this.byMonth = byMonth;
        this.total = total;
    }

    /** Summarises the rows, leaving out {@link #NOT_SPENDING}. */
    public static SpendingSummary of(List<MonthlySpend> rows) {
        return of(rows, NOT_SPENDING);
    }

    /** Summarises the rows, leaving out the {@code excluded} categories. */
    public static SpendingSummary of(List<MonthlySpend> rows, Set<String> excluded) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(excluded, "excluded");
        Map<String, Double> cat = new TreeMap<>();
        Map<YearMonth, Map<String, Double>> month = new TreeMap<>();
        double total = 0;
        for (MonthlySpend r : rows) {
            if (excluded.contains(r.category()) || r.total() <= 0) continue;
            cat.merge(r.category(), r.total(), Double::sum);
            month.computeIfAbsent(r.month(), m -> new TreeMap<>()).merge(r.category(), r.total(), Double::sum);
            total += r.total();
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(cat.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : sorted) ordered.put(e.getKey(), e.getValue());
        Map<YearMonth, Map<String, Double>> frozen = new LinkedHashMap<>();
        month.forEach((m, v) -> frozen.put(m, Collections.unmodifiableMap(v)));
        return new SpendingSummary(Collections.unmodifiableMap(ordered), Collections.unmodifiableMap(frozen), total);
    }

    /** Total spending per category, largest first. */
    public Map<String, Double> byCategory() {
        return byCategory;
    }

    /** Spending per month (ascending), then per category (by name). */
    public Map<YearMonth, Map<String, Double>> byMonth() {
        return byMonth;
    }

    /** The categories that appear, largest total first. */
    public List<String> categories() {
        return List.copyOf(byCategory.keySet());
    }

    /** The months that appear, ascending. */
    public List<YearMonth> months() {
        return List.copyOf(new TreeSet<>(byMonth.keySet()));
    }

    /** Total spending. */
    public double total() {
        return total;
    }

    /** True when there is no spending at all. */
    public boolean isEmpty() {
        return byCategory.isEmpty();
    }
}
