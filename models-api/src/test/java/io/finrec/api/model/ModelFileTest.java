package io.finrec.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private static final String KIND = "finrec.test-model";
    private static final float[] FLOATS = {1.5f, -2.25f, Float.MIN_VALUE, 0f};
    private static final double[] DOUBLES = new double[3_000];
    private static final int[] INTS = {7, -1, Integer.MAX_VALUE};
    private static final List<String> STRINGS = List.of("C000001", "ünïcödé 🎉", "");

    static {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < DOUBLES.length; i++) DOUBLES[i] = r.nextGaussian();
    }

    private static ModelHeader header(int version) {
        return new ModelHeader(KIND, version, ModelFile.metadata(Map.of("factors", 8, "loss", "warp")),
                Provenance.now(42, 1, "abc123", Map.of("trainer", "test")));
    }

    private static Path write(Path dir, int version) throws IOException {
        Path f = dir.resolve("m.frec");
        ModelFile.write(f, header(version), out -> {
            Payloads.writeFloats(out, FLOATS);
            Payloads.writeDoubles(out, DOUBLES);
            Payloads.writeInts(out, INTS);
            Payloads.writeStrings(out, STRINGS);
        });
        return f;
    }

    private static ModelFormatException.Reason failure(Path f) {
        return assertThrows(ModelFormatException.class, () -> {
            try (ModelFile.Reader r = ModelFile.open(f, KIND, 1, 2)) {
                r.payload().readAllBytes();
            }
        }).reason();
    }

    @Test
    void roundTripsHeaderAndPayload(@TempDir Path tmp) throws IOException {
        Path f = write(tmp, 2);
        try (ModelFile.Reader r = ModelFile.open(f, KIND, 1, 2)) {
            assertEquals(KIND, r.header().kind());
            assertEquals(2, r.header().version());
            assertEquals(8, r.header().metadata().get("factors").asInt());
            assertEquals(42, r.header().provenance().seed());
            assertEquals("test", r.header().provenance().details().get("trainer"));
            DataInputStream in = r.payload();
            assertArrayEquals(FLOATS, Payloads.readFloats(in, 10, "floats"));
            assertArrayEquals(DOUBLES, Payloads.readDoubles(in, DOUBLES.length, "doubles"));
            assertArrayEquals(INTS, Payloads.readInts(in, 3, "ints"));
            assertEquals(STRINGS, Payloads.readStrings(in, 3, "ids"));
            r.expectEnd();
            assertThrows(EOFException.class, in::readInt, "reading past the payload fails");
        }
        assertEquals(KIND, ModelFile.readHeader(f).kind());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(f), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void headerMetadataCannotBeMutatedFromOutside() {
        ModelHeader h = header(1);
        h.metadata().put("factors", 99);
        assertEquals(8, h.metadata().get("factors").asInt());
    }

    @Test
    void everyTruncationIsDetected(@TempDir Path tmp) throws IOException {
        Path f = write(tmp, 1);
        byte[] all = Files.readAllBytes(f);
        Path cut = tmp.resolve("cut.frec");
        for (int len : new int[] {0, 3, 8, 12, 20, all.length / 2, all.length - 1}) {
            Files.write(cut, Arrays.copyOf(all, len));
            ModelFormatException.Reason reason = failure(cut);
            assertTrue(len == 0 ? reason == ModelFormatException.Reason.NOT_A_MODEL_FILE
                    : reason == ModelFormatException.Reason.TRUNCATED, len + " bytes: " + reason);
        }
    }

    @Test
    void everySingleFlippedByteIsDetected(@TempDir Path tmp) throws IOException {
        Path f = write(tmp, 1);
        byte[] all = Files.readAllBytes(f);
        Path bad = tmp.resolve("bad.frec");
        int step = Math.max(1, all.length / 80);
        for (int i = 0; i < all.length; i += i < 64 ? 1 : step) {
            byte[] copy = all.clone();
            copy[i] ^= 0x20;
            Files.write(bad, copy);
            int at = i;
            assertThrows(ModelFormatException.class, () -> {
                try (ModelFile.Reader r = ModelFile.open(bad, KIND, 1, 2)) {
                    r.payload().readAllBytes();
                }
            }, "flipped byte " + at);
        }
    }

    @Test
    void wrongKindTooNewAndNotAModelFile(@TempDir Path tmp) throws IOException {
        Path f = write(tmp, 3);
        assertEquals(ModelFormatException.Reason.UNSUPPORTED_VERSION, failure(f));
        ModelFormatException wrong = assertThrows(ModelFormatException.class, () -> ModelFile.open(f, "finrec.other", 1, 9));
        assertEquals(ModelFormatException.Reason.WRONG_KIND, wrong.reason());
        assertTrue(wrong.getMessage().contains("holds a 'finrec.test-model' model"), wrong.getMessage());
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "hello, I am a CSV file,,,\n1,2,3\n");
        assertEquals(ModelFormatException.Reason.NOT_A_MODEL_FILE, failure(text));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ModelFile.open(tmp.resolve("none"), KIND, 1, 1));
        byte[] all = Files.readAllBytes(write(tmp, 1));
        all[9] = 9; // container version 9
        Path future = tmp.resolve("future.frec");
        Files.write(future, all);
        assertEquals(ModelFormatException.Reason.UNSUPPORTED_VERSION, failure(future));
    }

    @Test
    void appendedBytesAreDetected(@TempDir Path tmp) throws IOException {
        Path f = write(tmp, 1);
        Files.write(f, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(ModelFormatException.Reason.CHECKSUM_MISMATCH, failure(f));
    }

    @Test
    void payloadLengthsAreBoundedByTheReader(@TempDir Path tmp) throws IOException {
        Path f = write(tmp, 1);
        try (ModelFile.Reader r = ModelFile.open(f, KIND, 1, 1)) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> Payloads.readFloats(r.payload(), 3, "item factors"));
            assertEquals(ModelFormatException.Reason.INVALID_CONTENT, e.reason());
            assertTrue(e.getMessage().contains("item factors: length 4 is outside [0, 3]"), e.getMessage());
        }
    }

    @Test
    void readerDetectsWritersThatDisagree(@TempDir Path tmp) throws IOException {
        Path f = write(tmp, 1);
        try (ModelFile.Reader r = ModelFile.open(f, KIND, 1, 1)) {
            Payloads.readFloats(r.payload(), 10, "floats");
            assertThrows(ModelFormatException.class, r::expectEnd);
        }
    }

    @Test
    void invalidArgumentsAreRejected(@TempDir Path tmp) {
        assertThrows(IllegalArgumentException.class, () -> new ModelHeader("Bad Kind", 1, null,
                Provenance.now(1, 1, "", Map.of())));
        assertThrows(IllegalArgumentException.class, () -> new ModelHeader(KIND, 0, null, Provenance.now(1, 1, "", Map.of())));
        assertThrows(IllegalArgumentException.class, () -> Provenance.now(1, 0, "", Map.of()));
        assertThrows(IOException.class, () -> ModelFile.write(tmp.resolve("no/dir/m.frec"), header(1), out -> {}));
        assertFalse(Files.exists(tmp.resolve("no")));
    }

    @Test
    void failingPayloadWriterLeavesNoFile(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("m.frec");
        assertThrows(IOException.class, () -> ModelFile.write(f, header(1), out -> {
            out.writeInt(1);
            throw new IOException("disk full");
        }));
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void fingerprintsDependOnContentAndOrder() {
        String a = new Fingerprint().add("C1").add(3).add(2.5).hex();
        assertEquals(a, new Fingerprint().add("C1").add(3).add(2.5).hex());
        assertFalse(a.equals(new Fingerprint().add(3).add("C1").add(2.5).hex()));
        assertFalse(new Fingerprint().add("ab").add("c").hex().equals(new Fingerprint().add("a").add("bc").hex()));
        assertEquals(64, a.length());
    }
}
