package io.finrec.strategy.data;

import io.finrec.api.allocation.PriceTable;
import io.finrec.core.io.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes wide price files: a header {@code date,TICKER1,TICKER2,...} then one row per date (ISO
 * {@code yyyy-MM-dd}, strictly ascending) with one price per ticker. An empty cell is a missing price (a gap);
 * anything else must be a positive finite number. This is the layout of PyPortfolioOpt's {@code stock_prices.csv}
 * and of a pandas {@code DataFrame.to_csv()} of prices. Errors name the file, row, line and column. Stateless and
 * thread-safe.
 */
public final class PriceTableCsv {
    /** Largest accepted file, in rows. */
    public static final int MAX_ROWS = 10_000_000;

    private PriceTableCsv() {}

    /** Reads a price file. */
    public static PriceTable read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /** Reads prices from a UTF-8 stream; {@code source} names it in error messages. */
    public static PriceTable read(InputStream in, String source) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        String header = reader.readLine();
        if (header == null) throw new DataFormatException(source, 0, 0, null, "the file is empty (no header)", null);
        if (header.startsWith("\uFEFF")) header = header.substring(1);
        List<String> columns = split(header, source, 0, 1);
        if (columns.size() < 2)
            throw new DataFormatException(source, 0, 1, null, "the header needs a date column and at least one asset", null);
        List<String> assets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 1; c < columns.size(); c++) {
            String a = columns.get(c).trim();
            if (a.isEmpty()) throw new DataFormatException(source, 0, 1, "column " + (c + 1), "empty asset name in the header", null);
            if (!seen.add(a)) throw new DataFormatException(source, 0, 1, a, "duplicate asset column", null);
            assets.add(a);
        }
        String dateField = columns.get(0).trim().isEmpty() ? "date" : columns.get(0).trim();
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        String line;
        long lineNo = 1;
        long row = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            row++;
            if (row > MAX_ROWS) throw new DataFormatException(source, row, lineNo, null, "more than " + MAX_ROWS + " rows", null);
            List<String> f = split(line, source, row, lineNo);
            if (f.size() != columns.size())
                throw new DataFormatException(source, row, lineNo, null,
                        "has " + f.size() + " fields, the header has " + columns.size(), null);
            LocalDate date;
            try {
                date = LocalDate.parse(f.get(0).trim());
            } catch (DateTimeParseException e) {
                throw new DataFormatException(source, row, lineNo, dateField,
                        "'" + abbreviate(f.get(0)) + "' is not an ISO date (yyyy-MM-dd)", e);
            }
            if (!dates.isEmpty() && !date.isAfter(dates.get(dates.size() - 1)))
                throw new DataFormatException(source, row, lineNo, dateField, date + " is not after the previous date "
                        + dates.get(dates.size() - 1) + " (dates must be strictly ascending, without duplicates)", null);
            double[] prices = new double[assets.size()];
            for (int a = 0; a < assets.size(); a++) {
                String cell = f.get(a + 1).trim();
                if (cell.isEmpty()) {
                    prices[a] = Double.NaN;
                    continue;
                }
                double p;
                try {
                    p = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new DataFormatException(source, row, lineNo, assets.get(a), "'" + abbreviate(cell) + "' is not a number", e);
                }
                if (!Double.isFinite(p) || p <= 0)
                    throw new DataFormatException(source, row, lineNo, assets.get(a), "'" + abbreviate(cell)
                            + "' is not a positive finite price (leave the cell empty for a missing price)", null);
                prices[a] = p;
            }
            dates.add(date);
            rows.add(prices);
        }
        if (rows.isEmpty()) throw new DataFormatException(source, 0, lineNo, null, "the file has a header but no rows", null);
        return new PriceTable(dates, assets, rows.toArray(new double[0][]));
    }

    /** Writes a price table in the same layout (missing prices as empty cells). */
    public static void write(PriceTable table, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder("date");
        for (String a : table.assets()) sb.append(',').append(quote(a));
        out.write(sb.append('\n').toString());
        for (int t = 0; t < table.dateCount(); t++) {
            sb.setLength(0);
            sb.append(table.dates().get(t));
            for (int a = 0; a < table.assetCount(); a++) {
                sb.append(',');
                double p = table.price(t, a);
                if (!Double.isNaN(p)) sb.append(p);
            }
            out.write(sb.append('\n').toString());
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Splits one CSV line (RFC 4180 quoting within the line). */
    private static List<String> split(String line, String source, long row, long lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) throw new DataFormatException(source, row, lineNo, null, "unterminated quoted field", null);
        out.add(cur.toString());
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
