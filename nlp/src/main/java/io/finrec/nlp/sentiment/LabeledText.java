package io.finrec.nlp.sentiment;

import io.finrec.core.io.CsvRecords;
import io.finrec.core.io.RecordReader;
import io.finrec.core.io.RecordSchema;
import io.finrec.core.util.Checks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled text for training or evaluating a text classifier. Immutable and thread-safe.
 *
 * @param text  the text (may be empty, at most {@value Checks#MAX_TEXT_LENGTH} characters)
 * @param label its class name, e.g. bearish/neutral/bullish
 */
public record LabeledText(String text, String label) {
    public LabeledText {
        Checks.notNull(text, "text");
        Checks.maxLength(text, "text");
        Checks.id(label, "label");
    }

    /** CSV layout {@code text,label} (RFC 4180; quoted fields may hold commas and newlines). */
    public static final RecordSchema<LabeledText> CSV = new RecordSchema<>("labelled text", List.of("text", "label"),
            row -> new LabeledText(row.optText("text").orElse(""), row.text("label")),
            r -> new Object[] {r.text(), r.label()});

    /** Reads a {@code text,label} CSV file; errors name the file, row and column. */
    public static List<LabeledText> readCsv(Path file) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        try (RecordReader<LabeledText> r = CsvRecords.read(file, CSV)) {
            while (r.hasNext()) out.add(r.next());
        }
        if (out.isEmpty()) throw new IOException(file + ": no rows");
        return out;
    }
}
