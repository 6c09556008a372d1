package io.finrec.examples.cli;

import io.finrec.core.io.DataFormatException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads text lines that must be valid UTF-8, decoding each line on its own so an error names the right line (a
 * {@code BufferedReader} over a strict decoder fails while filling its buffer, often several lines early). Lines end
 * at {@code \n}; a trailing {@code \r} is dropped. Not thread-safe.
 */
final class Utf8Lines {
    private final InputStream in;
    private final String source;
    private final int maxChars;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private long line;

    Utf8Lines(InputStream in, String source, int maxChars) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.source = source;
        this.maxChars = maxChars;
    }

    /** For {@link #forEach}: no limit on a line's length beyond what a Java string holds. */
    static final int NO_LIMIT = Integer.MAX_VALUE;

    /**
     * Calls {@code each} for every line of {@code in} (without its terminator); returns the number of lines.
     *
     * @throws DataFormatException naming the source and line when one is not UTF-8 or longer than {@code maxChars}
     */
    static long forEach(InputStream in, String source, int maxChars, Consumer<String> each) throws IOException {
        Utf8Lines lines = new Utf8Lines(in, source, maxChars);
        for (String text; (text = lines.next()) != null; ) each.accept(text);
        return lines.line();
    }

    /** Lines read so far. */
    long line() {
        return line;
    }

    /**
     * The next line, or null at the end.
     *
     * @throws DataFormatException naming the source and line when it is not UTF-8 or longer than the limit
     */
    String next() throws IOException {
        buf.reset();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') break;
            buf.write(b);
            if (buf.size() > 4L * maxChars + 4)
                throw new DataFormatException(source, line + 1, line + 1, null, "line is longer than " + maxChars
                        + " characters", null);
        }
        if (!any) return null;
        line++;
        byte[] bytes = buf.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text;
        try {
            text = decoder.reset().decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(source, line, line, null, "invalid UTF-8", e);
        }
        if (text.length() > maxChars)
            throw new DataFormatException(source, line, line, null, "text is " + text.length()
                    + " characters, above the limit of " + maxChars, null);
        return text;
    }
}
