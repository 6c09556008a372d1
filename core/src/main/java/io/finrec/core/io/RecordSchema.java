package io.finrec.core.io;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one record type maps to a flat file: its column names, how a {@link Row} becomes a record, and how a record
 * becomes column values. The same schema serves CSV and JSON lines. Immutable and thread-safe.
 *
 * <p>Column names are snake_case; validation errors thrown by a record constructor name a camelCase component
 * ("customerId: ..."), which readers translate back to the column name.
 *
 * @param name    a short name for messages, e.g. "customer"
 * @param columns column names in file order
 * @param reader  builds a record from a row (may throw {@link DataFormatException} or the record's own
 *                {@link IllegalArgumentException})
 * @param writer  returns one value per column: {@code String}, {@code Number}, {@code Boolean} or {@code null}
 * @param <T>     the record type
 */
public record RecordSchema<T>(String name, List<String> columns, Function<Row, T> reader,
                              Function<T, Object[]> writer) {
    public RecordSchema {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("columns: must not be empty");
        if (columns.stream().distinct().count() != columns.size())
            throw new IllegalArgumentException("columns: duplicate column name in " + columns);
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(writer, "writer");
    }

    /** Reads a record, turning the record's own validation errors into a {@link DataFormatException}. */
    public T read(Row row) {
        try {
            return reader.apply(row);
        } catch (DataFormatException e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException e) {
            String msg = e.getMessage() == null ? "invalid value" : e.getMessage();
            int colon = msg.indexOf(':');
            String field = colon > 0 ? msg.substring(0, colon) : (e instanceof NullPointerException ? msg : null);
            String reason = colon > 0 ? msg.substring(colon + 1).trim() : (e instanceof NullPointerException ? "is required" : msg);
            if (field != null && !field.matches("[A-Za-z][A-Za-z0-9]*")) {
                field = null;
                reason = msg;
            }
            throw row.error(field == null ? null : toColumn(field), reason, e);
        }
    }

    /** Column values for a record, validated to match the column count. */
    public Object[] write(T record) {
        Object[] values = writer.apply(record);
        if (values.length != columns.size())
            throw new IllegalStateException(name + " schema writer returned " + values.length + " values for "
                    + columns.size() + " columns");
        return values;
    }

    /** camelCase to snake_case: "customerId" becomes "customer_id". */
    public static String toColumn(String component) {
        StringBuilder sb = new StringBuilder(component.length() + 4);
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (Character.isUpperCase(c)) sb.append('_').append(Character.toLowerCase(c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
