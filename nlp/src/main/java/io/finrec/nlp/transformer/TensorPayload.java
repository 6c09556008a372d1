package io.finrec.nlp.transformer;

import io.finrec.api.model.ModelFormatException;
import io.finrec.api.model.Payloads;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Named float tensors in a model-file payload, stored as IEEE 754 half precision (float16, half the size; values
 * rounded to nearest-even, |x| above 65504 refused) or as float32. Layout: count, then for each tensor its name, its
 * element count and the values (big-endian shorts or floats). Stateless.
 */
public final class TensorPayload {
    /** Storage precision. */
    public enum Precision {
        /** IEEE half precision: 2 bytes per value, ~3 significant decimal digits. */
        FLOAT16,
        /** IEEE single precision: 4 bytes per value, exact. */
        FLOAT32
    }

    private static final int MAX_TENSORS = 10_000;
    private static final int MAX_VALUES = 1 << 28;

    private TensorPayload() {}

    /** Writes the tensors in map order. */
    public static void write(DataOutputStream out, Map<String, float[]> tensors, Precision precision) throws IOException {
        Objects.requireNonNull(precision, "precision");
        out.writeInt(tensors.size());
        for (Map.Entry<String, float[]> e : tensors.entrySet()) {
            Payloads.writeString(out, e.getKey());
            float[] v = e.getValue();
            out.writeInt(v.length);
            if (precision == Precision.FLOAT32) {
                for (float f : v) out.writeFloat(f);
            } else {
                for (int i = 0; i < v.length; i++) {
                    if (!Float.isFinite(v[i]) || Math.abs(v[i]) > 65504f)
                        throw new IllegalArgumentException("tensor '" + e.getKey() + "' value " + v[i] + " at " + i
                                + " does not fit float16");
                    out.writeShort(toHalf(v[i]));
                }
            }
        }
    }

    /** Reads tensors written by {@link #write}; non-finite values are refused. */
    public static Map<String, float[]> read(DataInputStream in, Precision precision, Path file) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_TENSORS)
            throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "tensor count " + n);
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int t = 0; t < n; t++) {
            String name = Payloads.readString(in, "tensor name");
            int len = in.readInt();
            if (len < 0 || len > MAX_VALUES)
                throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "tensor '" + name + "' length " + len);
            float[] v = new float[len];
            for (int i = 0; i < len; i++) {
                v[i] = precision == Precision.FLOAT32 ? in.readFloat() : fromHalf(in.readShort());
                if (!Float.isFinite(v[i]))
                    throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT,
                            "tensor '" + name + "' has a non-finite value at " + i);
            }
            if (out.put(name, v) != null)
                throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "duplicate tensor '" + name + "'");
        }
        return out;
    }

    /** float32 → float16 bits, round to nearest even (subnormals kept, overflow to infinity). */
    static short toHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xff;
        int mant = bits & 0x7fffff;
        if (exp == 0xff) return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 : 0));
        int e = exp - 127 + 15;
        if (e >= 0x1f) return (short) (sign | 0x7c00);
        if (e <= 0) {
            if (e < -10) return (short) sign;
            mant |= 0x800000;
            int shift = 14 - e;
            int half = mant >> shift;
            int rem = mant & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rem > mid || (rem == mid && (half & 1) == 1)) half++;
            return (short) (sign | half);
        }
        int half = (e << 10) | (mant >> 13);
        int rem = mant & 0x1fff;
        if (rem > 0x1000 || (rem == 0x1000 && (half & 1) == 1)) half++; // may carry into the exponent: still right
        return (short) (sign | half);
    }

    /** float16 bits → float32 (exact). */
    static float fromHalf(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        if (exp == 0) {
            if (mant == 0) return Float.intBitsToFloat(sign);
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
