package io.finrec.nlp.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.model.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** float16 conversion and the tensor payload. */
class TensorPayloadTest {
    @Test
    void halfPrecisionKnownValues() {
        assertEquals((short) 0x3c00, TensorPayload.toHalf(1f));
        assertEquals((short) 0xc000, TensorPayload.toHalf(-2f));
        assertEquals((short) 0x7bff, TensorPayload.toHalf(65504f));
        assertEquals((short) 0x7c00, TensorPayload.toHalf(65536f));     // overflow → infinity
        assertEquals((short) 0x0001, TensorPayload.toHalf(0x1p-24f));   // smallest subnormal
        assertEquals((short) 0x0000, TensorPayload.toHalf(0x1p-26f));   // underflow → 0
        assertEquals((short) 0x0400, TensorPayload.toHalf(0x1p-14f));   // smallest normal
        assertEquals((short) 0x3555, TensorPayload.toHalf(1f / 3));
        // ties to even: 1 + 2^-11 is halfway between 1 and 1 + 2^-10
        assertEquals((short) 0x3c00, TensorPayload.toHalf(1f + 0x1p-11f));
        assertEquals((short) 0x3c02, TensorPayload.toHalf(1f + 3 * 0x1p-11f));
        assertEquals(0.333251953125f, TensorPayload.fromHalf((short) 0x3555));
        assertEquals(0x1p-24f, TensorPayload.fromHalf((short) 0x0001));
        assertEquals(-0f, TensorPayload.fromHalf((short) 0x8000));
        assertEquals(Float.POSITIVE_INFINITY, TensorPayload.fromHalf((short) 0x7c00));
    }

    @Test
    void halfRoundTripIsExactForHalvesAndWithinHalfAnUlpOtherwise() {
        for (int h = 0; h < 0x10000; h++) {
            if ((h & 0x7c00) == 0x7c00) continue; // inf/NaN
            float f = TensorPayload.fromHalf((short) h);
            assertEquals((short) h, TensorPayload.toHalf(f), "half 0x" + Integer.toHexString(h));
        }
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            float f = (float) ((r.nextDouble() - 0.5) * Math.pow(2, r.nextInt(-14, 15)));
            float back = TensorPayload.fromHalf(TensorPayload.toHalf(f));
            assertTrue(Math.abs(back - f) <= Math.max(Math.abs(f) * 0x1p-11f, 0x1p-25f), f + " -> " + back); // subnormals: 2^-25
        }
    }

    @Test
    void payloadRoundTripBothPrecisionsAndRefusals() throws IOException {
        Map<String, float[]> t = new LinkedHashMap<>();
        t.put("a.weight", new float[] {0.1f, -2.5f, 3e-3f});
        t.put("b", new float[0]);
        for (TensorPayload.Precision p : TensorPayload.Precision.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            TensorPayload.write(new DataOutputStream(bytes), t, p);
            Map<String, float[]> back = TensorPayload.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), p, null);
            assertEquals(t.keySet(), back.keySet());
            assertArrayEquals(t.get("a.weight"), back.get("a.weight"), p == TensorPayload.Precision.FLOAT32 ? 0f : 2e-3f);
        }
        assertThrows(IllegalArgumentException.class, () -> TensorPayload.write(new DataOutputStream(new ByteArrayOutputStream()),
                Map.of("x", new float[] {1e6f}), TensorPayload.Precision.FLOAT16));
        ByteArrayOutputStream nan = new ByteArrayOutputStream();
        TensorPayload.write(new DataOutputStream(nan), Map.of("x", new float[] {Float.NaN}), TensorPayload.Precision.FLOAT32);
        assertThrows(ModelFormatException.class, () -> TensorPayload.read(new DataInputStream(
                new ByteArrayInputStream(nan.toByteArray())), TensorPayload.Precision.FLOAT32, null));
    }
}
