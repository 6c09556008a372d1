package io.finrec.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * JSON Lines files (one JSON object per line, UTF-8) read and written with Jackson, using the same
 * {@link RecordSchema} as {@link CsvRecords}. Values may be JSON strings, numbers, booleans or null; an unknown
 * field, a non-object line, invalid JSON or invalid UTF-8 is an error naming the line. Blank lines are skipped.
 *
 * <p>Stateless and thread-safe; the readers and writers it returns are one per thread.
 */
public final class JsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(CsvRecords.MAX_FIELD_LENGTH).build())
            .build());

    private JsonLines() {}

    /** Opens a JSON-lines file for streaming reads. */
    public static <T> RecordReader<T> read(Path file, RecordSchema<T> schema) throws IOException {
        return read(Files.newInputStream(file), file.getFileName().toString(), schema);
    }

    /** Reads JSON lines from a stream; {@code sourceName} appears in error messages. */
    public static <T> RecordReader<T> read(InputStream in, String sourceName, RecordSchema<T> schema) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        return new RecordReader<>(schema, new RecordReader.RowSource() {
            private long line;
            private long row;

            @Override
            public Row next() throws IOException {
                String text;
                do {
                    try {
                        text = reader.readLine();
                    } catch (CharacterCodingException e) {
                        throw new DataFormatException(sourceName, row + 1, line + 1, null, "invalid UTF-8", e);
                    }
                    if (text == null) return null;
                    line++;
                } while (text.isBlank());
                row++;
                if (text.length() > CsvRecords.MAX_FIELD_LENGTH * 4L)
                    throw new DataFormatException(sourceName, row, line, null, "line is longer than "
                            + (CsvRecords.MAX_FIELD_LENGTH * 4L) + " characters", null);
                JsonNode node;
                try {
                    node = MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new DataFormatException(sourceName, row, line, null, "invalid JSON: " + e.getOriginalMessage(), e);
                }
                if (!(node instanceof ObjectNode obj))
                    throw new DataFormatException(sourceName, row, line, null, "expected a JSON object", null);
                for (Iterator<String> names = obj.fieldNames(); names.hasNext(); ) {
                    String n = names.next();
                    if (!schema.columns().contains(n))
                        throw new DataFormatException(sourceName, row, line, n, "unknown field; expected "
                                + String.join(",", schema.columns()), null);
                    JsonNode v = obj.get(n);
                    if (v.isContainerNode())
                        throw new DataFormatException(sourceName, row, line, n, "must be a string, number, boolean or null", null);
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
                reader.close();
            }
        });
    }

    /** Creates (or truncates) a JSON-lines file. */
    public static <T> RecordWriter<T> write(Path file, RecordSchema<T> schema) throws IOException {
        return write(Files.newOutputStream(file), schema);
    }

    /** Writes JSON lines to a stream; closing the writer closes the stream. */
    public static <T> RecordWriter<T> write(OutputStream out, RecordSchema<T> schema) throws IOException {
        JsonGenerator gen = MAPPER.getFactory().createGenerator(out);
        gen.setRootValueSeparator(null);
        return new RecordWriter<>() {
            private long count;

            @Override
            public void write(T record) throws IOException {
                Object[] values = schema.write(record);
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
                count++;
            }

            @Override
            public long count() {
                return count;
            }

            @Override
            public void flush() throws IOException {
                gen.flush();
            }

            @Override
            public void close() throws IOException {
                gen.close();
            }
        };
    }
}
