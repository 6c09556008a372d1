package io.finrec.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Reads UTF-8 text one line at a time from a stream, failing with the line number on invalid UTF-8. */
final class TextLines {
    private TextLines() {}

    /** Calls {@code each} for every line (without its terminator); returns the number of lines. */
    static long forEach(InputStream in, String source, Consumer<String> each) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        long n = 0;
        try {
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                each.accept(line);
            }
        } catch (CharacterCodingException e) {
            throw new IOException(source + " line " + (n + 1) + ": invalid UTF-8", e);
        }
        return n;
    }
}
