package io.finrec.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadsTest {
    private static DataInputStream in(byte[] b) {
        return new DataInputStream(new ByteArrayInputStream(b));
    }

    @Test
    void arraysOfEverySizeRoundTrip() throws IOException {
        for (int n : new int[] {0, 1, (1 << 14) - 1, 1 << 14, (1 << 14) + 1, 50_000}) {
            float[] f = new float[n];
            double[] d = new double[n];
            int[] i = new int[n];
            for (int k = 0; k < n; k++) {
                f[k] = k * 0.5f - 3;
                d[k] = Math.sin(k);
                i[k] = k * 31 - 7;
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buf);
            Payloads.writeFloats(out, f);
            Payloads.writeDoubles(out, d);
            Payloads.writeInts(out, i);
            DataInputStream r = in(buf.toByteArray());
            assertArrayEquals(f, Payloads.readFloats(r, n, "f"));
            assertArrayEquals(d, Payloads.readDoubles(r, n, "d"));
            assertArrayEquals(i, Payloads.readInts(r, n, "i"));
            assertEquals(-1, r.read());
        }
    }

    @Test
    void hugeOrNegativeLengthsAreRejectedBeforeAllocating() {
        byte[] huge = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThrows(ModelFormatException.class, () -> Payloads.readDoubles(in(huge), 1_000_000, "d"));
        byte[] negative = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThrows(ModelFormatException.class, () -> Payloads.readInts(in(negative), 10, "i"));
        assertThrows(ModelFormatException.class, () -> Payloads.readStrings(in(huge), 10, "s"));
    }

    @Test
    void truncatedStringsAndArraysFailInsteadOfComingBackShort() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        Payloads.writeStrings(out, List.of("hello", "world"));
        byte[] all = buf.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(all, all.length - 2);
        assertThrows(EOFException.class, () -> Payloads.readStrings(in(cut), 10, "ids"));
        ByteArrayOutputStream fb = new ByteArrayOutputStream();
        Payloads.writeFloats(new DataOutputStream(fb), new float[] {1, 2, 3});
        byte[] f = java.util.Arrays.copyOf(fb.toByteArray(), 10);
        assertThrows(EOFException.class, () -> Payloads.readFloats(in(f), 10, "f"));
    }

    @Test
    void invalidUtf8InAStringIsReported() {
        byte[] b = {0, 0, 0, 2, (byte) 0xC3, 0x28};
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Payloads.readString(in(b), "name"));
        assertEquals(ModelFormatException.Reason.INVALID_CONTENT, e.reason());
    }
}
