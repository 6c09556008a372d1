package io.finrec.recsys;

import java.util.List;

/**
 * Heap-size arithmetic for the models' {@code ramBytesUsed()}: the layout of a 64-bit HotSpot JVM with compressed
 * object pointers and class pointers (any heap under 32 GB, the default): 12-byte object headers, 16-byte array
 * headers, 4-byte references, sizes rounded up to 8 bytes, compact (Latin-1) strings. Estimates are tested against
 * measured heap (within 30 %). Stateless and thread-safe.
 */
public final class RamUsage {
    private RamUsage() {}

    /** Bytes of a reference. */
    public static final int REF = 4;
    /** Bytes of an array header. */
    public static final int ARRAY_HEADER = 16;
    /** Shallow bytes of a {@code HashMap} object. */
    private static final int HASH_MAP = 48;
    /** Bytes of one {@code HashMap.Node}. */
    private static final int HASH_NODE = 32;
    /** Bytes of a boxed {@code Integer}. */
    private static final int BOXED_INT = 16;

    /** {@code n} rounded up to a multiple of 8. */
    public static long align(long n) {
        return (n + 7) & ~7L;
    }

    /** Bytes of an {@code int[]} or {@code float[]} of length {@code n}. */
    public static long ints(int n) {
        return align(ARRAY_HEADER + 4L * n);
    }

    /** Bytes of a {@code String} and its value array. */
    public static long string(String s) {
        int coder = 1;
        for (int i = 0; i < s.length(); i++)
            if (s.charAt(i) > 0xff) {
                coder = 2;
                break;
            }
        return 24 + align(ARRAY_HEADER + (long) coder * s.length());
    }

    /** Bytes of an immutable list of strings ({@code List.copyOf}), the strings included. */
    public static long strings(List<String> list) {
        long b = 16 + align(ARRAY_HEADER + (long) REF * list.size());
        for (String s : list) b += string(s);
        return b;
    }

    /**
     * Bytes of a {@code HashMap<String, Integer>} from each key to its position, built with {@code new
     * HashMap<>(initialCapacity)} and {@code size} entries; keys not counted (they are the list's strings).
     */
    public static long ordinalIndex(int size, int initialCapacity) {
        int table = tableSize(Math.max(initialCapacity, (int) Math.ceil(size / 0.75)));
        long boxed = (long) Math.max(0, size - 128) * BOXED_INT; // Integer.valueOf caches 0..127
        return HASH_MAP + (size == 0 ? 0 : align(ARRAY_HEADER + (long) REF * table)) + (long) HASH_NODE * size + boxed;
    }

    private static int tableSize(int cap) {
        int n = -1 >>> Integer.numberOfLeadingZeros(Math.max(1, cap) - 1);
        return Math.max(1, n + 1);
    }
}
