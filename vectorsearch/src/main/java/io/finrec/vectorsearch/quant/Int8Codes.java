package io.finrec.vectorsearch.quant;

import java.util.Arrays;

/**
 * The int8 codes of an index's vectors, by ordinal: pages of contiguous codes (at most 1 MiB each) and two float error
 * terms per vector (see {@link Int8Quantizer#encode}). Grows by appends in ordinal order.
 *
 * <p><b>Thread safety:</b> single writer, concurrent readers. A reader reads {@link #count()} first, then the arrays
 * ({@link #page}, {@link #errors()}): every vector below that count is then complete.
 */
public final class Int8Codes {
    private static final int PAGE_BYTES = 1 << 20;

    private final Int8Quantizer quantizer;
    private final int dim;
    private final int pageBits;
    private final int pageMask;
    private volatile byte[][] pages = new byte[0][];
    private volatile float[] errs = new float[0];
    private volatile float maxErrA;
    private volatile float maxErrB;
    private volatile int count;

    /** An empty code store for this quantiser. */
    public Int8Codes(Int8Quantizer quantizer) {
        this.quantizer = quantizer;
        this.dim = quantizer.dimension();
        this.pageBits = Math.max(0, 31 - Integer.numberOfLeadingZeros(Math.max(1, PAGE_BYTES / dim)));
        this.pageMask = (1 << pageBits) - 1;
    }

    /** The quantiser. */
    public Int8Quantizer quantizer() {
        return quantizer;
    }

    /** Vectors coded so far (ordinals {@code 0..count-1}); read it before the arrays. */
    public int count() {
        return count;
    }

    /** Codes the vector at {@code x[xOff..]} as the next ordinal (writer only). */
    public void append(float[] x, int xOff) {
        int ord = count;
        int pagesNeeded = (ord >>> pageBits) + 1;
        if (pagesNeeded > pages.length) {
            byte[][] np = Arrays.copyOf(pages, pagesNeeded);
            np[pagesNeeded - 1] = new byte[(pageMask + 1) * dim];
            pages = np;
        }
        float[] e = errs;
        if (2 * ord + 2 > e.length) errs = e = Arrays.copyOf(e, Math.max(2 * ord + 2, e.length + (e.length >> 1) + 32));
        quantizer.encode(x, xOff, pages[ord >>> pageBits], (ord & pageMask) * dim, e, 2 * ord);
        if (e[2 * ord] > maxErrA) maxErrA = e[2 * ord];
        if (e[2 * ord + 1] > maxErrB) maxErrB = e[2 * ord + 1];
        count = ord + 1; // publish
    }

    /** Vectors per page. */
    public int pageSize() {
        return pageMask + 1;
    }

    /** The page holding an ordinal's codes. */
    public byte[] page(int ord) {
        return pages[ord >>> pageBits];
    }

    /** The pages (read {@link #count()} first); ordinal {@code o} is in page {@code o >>> pageBits()}. */
    public byte[][] pages() {
        return pages;
    }

    /** log2 of {@link #pageSize()}. */
    public int pageBits() {
        return pageBits;
    }

    /** The byte offset of an ordinal's codes in its page. */
    public int offset(int ord) {
        return (ord & pageMask) * dim;
    }

    /** The error terms, two per ordinal ({@code [2*ord]}, {@code [2*ord+1]}); read {@link #count()} first. */
    public float[] errors() {
        return errs;
    }

    /** The largest first error term of any coded vector (a safe bound for skipping without loading per-vector terms). */
    public float maxErrA() {
        return maxErrA;
    }

    /** The largest second error term of any coded vector. */
    public float maxErrB() {
        return maxErrB;
    }

    /** Heap bytes. */
    public long ramBytesUsed() {
        byte[][] p = pages;
        long b = 96 + quantizer.ramBytesUsed() + 16 + 8L * p.length + 16 + 4L * errs.length;
        for (byte[] page : p) b += 16 + page.length;
        return b;
    }
}
