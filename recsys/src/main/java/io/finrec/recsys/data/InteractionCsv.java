package io.finrec.recsys.data;

import io.finrec.api.recommend.Interactions;
import io.finrec.core.io.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads interactions from a delimited text file with a header row naming the columns: a user column, an item
 * column, and optionally a value column (default 1; {@code > 0} positive, {@code <= 0} negative), a weight column
 * (default 1) and a timestamp column (epoch seconds, default 0). Rows with a value below {@code minValue} are
 * skipped. Fields may be wrapped in double quotes (without embedded delimiters). Every bad field raises a
 * {@link DataFormatException} naming the file, row and column. Stateless and thread-safe.
 */
public final class InteractionCsv {
    private InteractionCsv() {}

    /**
     * Column names and parsing options. Immutable and thread-safe.
     *
     * @param delimiter  field separator, e.g. ',' or '\t'
     * @param user       user column name
     * @param item       item column name
     * @param value      value column name, or "" for none (every row positive, value 1)
     * @param weight     weight column name, or "" for none
     * @param timestamp  timestamp column name, or "" for none
     * @param minValue   rows whose value is below this are skipped (use -infinity to keep all)
     */
    public record Format(char delimiter, String user, String item, String value, String weight, String timestamp,
                         double minValue) {
        public Format {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(weight, "weight");
            Objects.requireNonNull(timestamp, "timestamp");
            if (Double.isNaN(minValue)) throw new IllegalArgumentException("minValue: must not be NaN");
        }

        /** Comma-separated {@code user,item} columns, no value/weight/timestamp. */
        public static Format csv(String user, String item) {
            return new Format(',', user, item, "", "", "", Double.NEGATIVE_INFINITY);
        }

        /** A copy with a value column and a minimum value. */
        public Format withValue(String column, double min) {
            return new Format(delimiter, user, item, column, weight, timestamp, min);
        }

        /** A copy with a timestamp column. */
        public Format withTimestamp(String column) {
            return new Format(delimiter, user, item, value, weight, column, minValue);
        }

        /** A copy with a weight column. */
        public Format withWeight(String column) {
            return new Format(delimiter, user, item, value, column, timestamp, minValue);
        }

        /** A copy with another delimiter. */
        public Format withDelimiter(char d) {
            return new Format(d, user, item, value, weight, timestamp, minValue);
        }
    }

    /** Reads {@code file} into new interactions. */
    public static Interactions read(Path file, Format format) throws IOException {
        return read(file, format, Interactions.builder()).build();
    }

    /** Reads {@code file} into an existing builder (to share ids between files) and returns it. */
    public static Interactions.Builder read(Path file, Format format, Interactions.Builder into) throws IOException {
        Objects.requireNonNull(format, "format");
        String src = file.toString();
        Pattern split = Pattern.compile(Pattern.quote(String.valueOf(format.delimiter())));
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String head = r.readLine();
            if (head == null) throw new DataFormatException(src, 0, 1, null, "empty file: expected a header row", null);
            List<String> cols = Arrays.stream(split.split(head, -1)).map(InteractionCsv::unquote).toList();
            int cu = column(cols, format.user(), src, true);
            int ci = column(cols, format.item(), src, true);
            int cv = column(cols, format.value(), src, false);
            int cw = column(cols, format.weight(), src, false);
            int ct = column(cols, format.timestamp(), src, false);
            long line = 1;
            long row = 0;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                if (s.isBlank()) continue;
                row++;
                String[] f = split.split(s, -1);
                if (f.length != cols.size())
                    throw new DataFormatException(src, row, line, null, "expected " + cols.size() + " fields, found "
                            + f.length, null);
                String user = unquote(f[cu]);
                String item = unquote(f[ci]);
                double value = cv < 0 ? 1.0 : number(f[cv], src, row, line, cols.get(cv));
                if (value < format.minValue()) continue;
                double weight = cw < 0 ? 1.0 : number(f[cw], src, row, line, cols.get(cw));
                long time = ct < 0 ? 0L : (long) number(f[ct], src, row, line, cols.get(ct));
                try {
                    into.add(user, item, value, weight, time);
                } catch (IllegalArgumentException e) {
                    throw new DataFormatException(src, row, line, null, e.getMessage(), e);
                }
            }
        }
        return into;
    }

    private static int column(List<String> cols, String name, String src, boolean required) {
        if (name.isEmpty()) return -1;
        int c = cols.indexOf(name);
        if (c < 0) {
            throw new DataFormatException(src, 0, 1, name, "no such column in the header " + cols
                    + (required ? "" : " (leave the option empty to go without)"), null);
        }
        return c;
    }

    private static double number(String s, String src, long row, long line, String col) {
        String t = unquote(s);
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) throw new NumberFormatException("not finite");
            return v;
        } catch (NumberFormatException e) {
            throw new DataFormatException(src, row, line, col, "'" + t + "' is not a finite number", e);
        }
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') t = t.substring(1, t.length() - 1);
        return t;
    }
}
