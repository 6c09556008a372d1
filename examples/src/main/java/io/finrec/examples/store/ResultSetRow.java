package io.finrec.examples.store;

import io.finrec.core.io.Row;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A database row seen through the same typed accessors as a CSV row, so records are rebuilt with the very schemas
 * that read files ({@link io.finrec.core.io.BankSchemas}) and bad data names the table, row and column.
 */
final class ResultSetRow extends Row {
    private final ResultSet rs;

    ResultSetRow(String table, long row, ResultSet rs) {
        super(table, row, 0);
        this.rs = rs;
    }

    @Override
    protected String raw(String field) {
        try {
            String v = rs.getString(field);
            return v == null || v.isEmpty() ? null : v;
        } catch (SQLException e) {
            throw new StoreException(source() + ": cannot read column " + field + ": " + e.getMessage(), e);
        }
    }
}
