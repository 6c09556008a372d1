package io.finrec.examples.cli;

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
 * Reads UTF-8 text one line at a time from a stream (LF or CRLF), decoding each line strictly so that invalid
 * UTF-8 fails with the number of the line that holds it.
 */
final class TextLines {
    private TextLines() {}

    /** Calls {@code each} for every line (without its terminator); returns the number of lines. */
    static long forEach(InputStream in, String source, Consumer<String> each) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedInputStream bin = new BufferedInputStream(in, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long n = 0;
        for (int b; ; ) {
            b = bin.read();
            if (b == '\n' || (b < 0 && line.size() > 0)) {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                n++;
                String text;
                try {
                    text = utf8.reset().decode(ByteBuffer.wrap(bytes, 0, len)).toString();
                } catch (CharacterCodingException e) {
                    throw new IOException(source + " line " + n + ": invalid UTF-8", e);
                }
                each.accept(text);
                line.reset();
            } else if (b >= 0) {
                line.write(b);
            }
            if (b < 0) return n;
        }
    }
}
