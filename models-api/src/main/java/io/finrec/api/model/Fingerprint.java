package io.finrec.api.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Incremental SHA-256 fingerprint of training data, recorded in {@link Provenance#dataFingerprint()} so a model
 * can be traced to the exact data it saw. Not thread-safe: one per job.
 */
public final class Fingerprint {
    private final MessageDigest digest;
    private final byte[] scratch = new byte[8];

    /** A fresh fingerprint. */
    public Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Adds a string (length-prefixed, UTF-8). */
    public Fingerprint add(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        add(b.length);
        digest.update(b);
        return this;
    }

    /** Adds an int. */
    public Fingerprint add(int v) {
        for (int i = 0; i < 4; i++) scratch[i] = (byte) (v >>> (24 - 8 * i));
        digest.update(scratch, 0, 4);
        return this;
    }

    /** Adds a long. */
    public Fingerprint add(long v) {
        for (int i = 0; i < 8; i++) scratch[i] = (byte) (v >>> (56 - 8 * i));
        digest.update(scratch, 0, 8);
        return this;
    }

    /** Adds a double by its bit pattern. */
    public Fingerprint add(double v) {
        return add(Double.doubleToLongBits(v));
    }

    /** Adds a float by its bit pattern. */
    public Fingerprint add(float v) {
        return add(Float.floatToIntBits(v));
    }

    /** The hex digest; the fingerprint must not be used afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
