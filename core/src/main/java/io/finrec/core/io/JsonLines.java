package io.finrec.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;

/**
 * JSON Lines files (one JSON object per line, UTF-8) read and written with Jackson, using the same
 * {@link RecordSchema} as {@link CsvRecords}. Values may be JSON strings, numbers, booleans or null; an unknown
 * field, a non-object line, invalid JSON or invalid UTF-8 is an error naming the line. Blank lines are skipped.
 *
 * <p>Stateless and thread-safe; the readers and writers it returns are one per thread.
 */
public final class JsonLines {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(CsvRecords.MAX_FIELD_LENGTH).build())
                    .build())
            // keep decimals exact ("12.10" stays 12.10, never the double 12.1)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private JsonLines() {}

    /** Opens a JSON-lines file for streaming reads. */
    public static <T> RecordReader<T> read(Path file, RecordSchema<T> schema) throws IOException {
        return read(Files.newInputStream(file), file.getFileName().toString(), schema);
    }

    /**
     * Reads JSON lines from a stream; {@code sourceName} appears in error messages. Each line is decoded on its own,
     * so a line with invalid UTF-8 or invalid JSON is a {@link DataFormatException#recoverable() recoverable} error:
     * lenient reading skips it and continues with the next line.
     */
    public static <T> RecordReader<T> read(InputStream in, String sourceName, RecordSchema<T> schema) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(schema, "schema");
        return new RecordReader<>(schema, new JsonRowSource<>(in, sourceName, schema));
    }

    private static final class JsonRowSource<T> implements RecordReader.RowSource {
        /** Longest line accepted, in bytes: every field may be at most {@link CsvRecords#MAX_FIELD_LENGTH} characters. */
        private static final int MAX_LINE_BYTES = CsvRecords.MAX_FIELD_LENGTH * 4;

        private final InputStream in;
        private final String sourceName;
        private final RecordSchema<T> schema;
        private final java.util.Set<String> columns;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private boolean eof;
        private byte[] line = new byte[1 << 10];
        private int lineLength;
        private long lineNo;
        private long row;

        JsonRowSource(InputStream in, String sourceName, RecordSchema<T> schema) {
            this.in = in;
            this.sourceName = sourceName;
            this.schema = schema;
            this.columns = java.util.Set.copyOf(schema.columns());
        }

        /** Reads the next physical line's bytes (without the line end) into {@code line}; false at the end of input. */
        private boolean readLine() throws IOException {
            lineLength = 0;
            boolean any = false, tooLong = false;
            while (true) {
                if (pos == limit) {
                    if (eof) break;
                    limit = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        eof = true;
                        break;
                    }
                }
                any = true;
                int start = pos;
                while (pos < limit && buf[pos] != '\n') pos++;
                int n = pos - start;
                if (lineLength + n > MAX_LINE_BYTES) tooLong = true;
                else {
                    if (lineLength + n > line.length) line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
                    System.arraycopy(buf, start, line, lineLength, n);
                    lineLength += n;
                }
                if (pos < limit) { // found the line end
                    pos++;
                    break;
                }
            }
            if (!any) return false;
            lineNo++;
            if (tooLong) {
                row++;
                throw new DataFormatException(sourceName, row, lineNo, null, "line is longer than " + MAX_LINE_BYTES
                        + " bytes", null);
            }
            return true;
        }

        /** Whether the line is blank (spaces, tabs, CR) and so skipped. */
        private boolean blank() {
            for (int i = 0; i < lineLength; i++) {
                byte b = line[i];
                if (b != ' ' && b != '\t' && b != '\r') return false;
            }
            return true;
        }

        @Override
        public Row next() throws IOException {
            int offset;
            do {
                if (!readLine()) return null;
                offset = lineNo == 1 && lineLength >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                        && (line[2] & 0xff) == 0xBF ? 3 : 0; // byte-order mark
                boolean ascii = true;
                for (int i = offset; i < lineLength && ascii; i++) ascii = line[i] >= 0;
                if (!ascii) {
                    try {
                        decoder.reset().decode(ByteBuffer.wrap(line, offset, lineLength - offset));
                    } catch (CharacterCodingException e) {
                        row++;
                        throw new DataFormatException(sourceName, row, lineNo, null, "invalid UTF-8 byte sequence", e);
                    }
                }
            } while (blank());
            row++;
            JsonNode node;
            try {
                node = MAPPER.readTree(line, offset, lineLength - offset);
            } catch (JsonProcessingException e) {
                String what = String.valueOf(e.getOriginalMessage());
                if (what.contains("String value length") || what.contains("exceeds the maximum"))
                    what = "a value is longer than " + CsvRecords.MAX_FIELD_LENGTH + " characters";
                throw new DataFormatException(sourceName, row, lineNo, null, "invalid JSON: " + what, e);
            }
            long line = lineNo;
            if (!(node instanceof ObjectNode obj))
                throw new DataFormatException(sourceName, row, line, null, "expected a JSON object", null);
            for (Iterator<String> names = obj.fieldNames(); names.hasNext(); ) {
                String n = names.next();
                if (!columns.contains(n))
                    throw new DataFormatException(sourceName, row, line, n, "unknown field; expected "
                            + String.join(",", schema.columns()), null);
                if (obj.get(n).isContainerNode())
                    throw new DataFormatException(sourceName, row, line, n,
                            "must be a string, number, boolean or null", null);
            }
            return new Row(sourceName, row, line) {
                @Override
                protected String raw(String field) {
                    JsonNode v = obj.get(field);
                    if (v == null || v.isNull()) return null;
                    String s = v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
                    return s.isEmpty() ? null : s;
                }
            };
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Creates (or truncates) a JSON-lines file. */
    public static <T> RecordWriter<T> write(Path file, RecordSchema<T> schema) throws IOException {
        return write(Files.newOutputStream(file), schema);
    }

    /** Writes JSON lines to a stream; closing the writer closes the stream. */
    public static <T> RecordWriter<T> write(OutputStream out, RecordSchema<T> schema) throws IOException {
        JsonGenerator gen = MAPPER.getFactory().createGenerator(out);
        gen.setRootValueSeparator(null);
        return new StreamingRecordWriter<>(schema, gen, values -> {
            gen.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) continue;
                String name = schema.columns().get(i);
                if (v instanceof BigDecimal b) {
                    gen.writeFieldName(name);
                    gen.writeNumber(b);
                } else if (v instanceof Integer n) gen.writeNumberField(name, n);
                else if (v instanceof Long n) gen.writeNumberField(name, n);
                else if (v instanceof Double d) gen.writeNumberField(name, d);
                else if (v instanceof Boolean b) gen.writeBooleanField(name, b);
                else gen.writeStringField(name, v.toString());
            }
            gen.writeEndObject();
            gen.writeRaw('\n');
        });
    }
}
