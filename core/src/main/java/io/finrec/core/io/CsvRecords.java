package io.finrec.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * RFC 4180 CSV files (UTF-8, header row, quoted fields may hold commas and newlines) read and written through
 * Jackson's CSV module. Reading checks the header against the schema (a missing or unknown column is an error),
 * rejects rows with the wrong number of fields, invalid UTF-8 and fields longer than {@link #MAX_FIELD_LENGTH},
 * and reports every error with file, row, line and field.
 *
 * <p>Stateless and thread-safe; the readers and writers it returns are one per thread.
 */
public final class CsvRecords {
    /** Longest field accepted when reading, in characters (1 MiB); longer fields are rejected, not truncated. */
    public static final int MAX_FIELD_LENGTH = 1 << 20;

    private static final CsvMapper MAPPER = CsvMapper.builder(CsvFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_FIELD_LENGTH).build())
                    .build())
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private CsvRecords() {}

    /** Opens a CSV file for streaming reads. */
    public static <T> RecordReader<T> read(Path file, RecordSchema<T> schema) throws IOException {
        return read(Files.newInputStream(file), file.getFileName().toString(), schema);
    }

    /** Reads CSV from a stream (UTF-8, malformed bytes rejected); {@code sourceName} appears in error messages. */
    public static <T> RecordReader<T> read(InputStream in, String sourceName, RecordSchema<T> schema) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        return new RecordReader<>(schema, new CsvRowSource(reader, sourceName, schema));
    }

    /** Creates (or truncates) a CSV file and writes the header. */
    public static <T> RecordWriter<T> write(Path file, RecordSchema<T> schema) throws IOException {
        return write(Files.newOutputStream(file), schema);
    }

    /** Writes CSV (UTF-8, LF line ends, header first) to a stream; closing the writer closes the stream. */
    public static <T> RecordWriter<T> write(OutputStream out, RecordSchema<T> schema) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvSchema csvSchema = CsvSchema.emptySchema().withLineSeparator("\n");
        SequenceWriter seq = MAPPER.writerFor(String[].class).with(csvSchema)
                .with(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS).writeValues(w);
        seq.write(schema.columns().toArray(String[]::new));
        return new StreamingRecordWriter<>(schema, seq, values -> {
            String[] cells = new String[values.length];
            for (int i = 0; i < values.length; i++) cells[i] = format(values[i]);
            seq.write(cells);
        });
    }

    static String format(Object v) {
        if (v == null) return "";
        if (v instanceof BigDecimal b) return b.toPlainString();
        return v.toString();
    }

    private static final class CsvRowSource implements RecordReader.RowSource {
        private final Reader reader;
        private final String source;
        private final RecordSchema<?> schema;
        private MappingIterator<String[]> it;
        private final Map<String, Integer> cellOf = new HashMap<>();
        private int width;
        private long row;
        private long lastLine = 1;

        CsvRowSource(Reader reader, String source, RecordSchema<?> schema) {
            this.reader = reader;
            this.source = source;
            this.schema = schema;
        }

        private void readHeader() throws IOException {
            it = guard(() -> MAPPER.readerFor(String[].class).readValues(reader), 0, 0);
            if (!guard(it::hasNextValue, 0, 1)) throw new DataFormatException(source, 0, 0, null,
                    "file is empty (expected a header row: " + String.join(",", schema.columns()) + ")", null);
            String[] header = guard(it::nextValue, 0, 1);
            if (header.length > 0 && header[0].startsWith("\uFEFF")) header[0] = header[0].substring(1);
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                String h = header[i].trim();
                if (positions.put(h, i) != null)
                    throw new DataFormatException(source, 0, 1, h, "column appears twice in the header", null);
                if (!schema.columns().contains(h))
                    throw new DataFormatException(source, 0, 1, h, "unknown column; expected "
                            + String.join(",", schema.columns()), null);
            }
            for (String column : schema.columns()) {
                Integer p = positions.get(column);
                if (p == null) throw new DataFormatException(source, 0, 1, column,
                        "missing column in header " + Arrays.toString(header), null);
                cellOf.put(column, p);
            }
            width = header.length;
        }

        @Override
        public Row next() throws IOException {
            if (it == null) readHeader();
            long nextRow = row + 1;
            if (!guard(it::hasNextValue, nextRow, lastLine + 1)) return null;
            long line = it.getParser().currentLocation().getLineNr(); // where the next row starts
            String[] cells = guard(it::nextValue, nextRow, line);
            row = nextRow;
            lastLine = line;
            if (cells.length != width)
                throw new DataFormatException(source, row, line, null,
                        "has " + cells.length + " fields but the header has " + width, null);
            return new Row(source, row, line) {
                @Override
                protected String raw(String field) {
                    Integer c = cellOf.get(field);
                    if (c == null) throw new IllegalArgumentException("field: '" + field + "' is not a column of " + schema.name());
                    String v = cells[c];
                    return v == null || v.isEmpty() ? null : v;
                }
            };
        }

        private interface IoCall<R> {
            R call() throws IOException;
        }

        /** Runs a parser call, turning parse and decoding failures into fatal errors that name the row and line. */
        private <R> R guard(IoCall<R> call, long rowNo, long line) throws IOException {
            try {
                return call.call();
            } catch (CharacterCodingException e) {
                throw invalidUtf8(rowNo, line, e);
            } catch (JsonProcessingException e) {
                throw malformed(rowNo, line, e);
            } catch (RuntimeException e) {
                if (e.getCause() instanceof CharacterCodingException cce) throw invalidUtf8(rowNo, line, cce);
                if (e.getCause() instanceof JsonProcessingException jpe) throw malformed(rowNo, line, jpe);
                throw e;
            }
        }

        private DataFormatException invalidUtf8(long rowNo, long line, CharacterCodingException e) {
            return DataFormatException.fatal(source, rowNo, line, null,
                    "invalid UTF-8 byte sequence at or after this row (" + e.getClass().getSimpleName() + ")", e);
        }

        private DataFormatException malformed(long rowNo, long line, JsonProcessingException e) {
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            String what = String.valueOf(e.getOriginalMessage());
            if (what.contains("String value length") || what.contains("exceeds the maximum"))
                what = "a field is longer than " + MAX_FIELD_LENGTH + " characters";
            return DataFormatException.fatal(source, rowNo, line, null,
                    "malformed CSV (parser stopped at line " + at + "): " + what, e);
        }

        @Override
        public void close() throws IOException {
            if (it != null) it.close();
            reader.close();
        }
    }
}
