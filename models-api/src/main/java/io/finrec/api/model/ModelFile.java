package io.finrec.api.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * FinRec's model-file container: every persisted model and index uses it. Never Java serialization.
 *
 * <h2>Layout (big-endian)</h2>
 * <pre>
 * offset      size  field
 * 0           8     magic: 0x89 'F' 'R' 'E' 'C' '\r' '\n' 0x1A
 * 8           2     container version (currently 1)
 * 10          8     total file length in bytes (detects truncation)
 * 18          4     header length H (at most 64 MiB)
 * 22          H     header: UTF-8 JSON {"kind", "version", "metadata", "provenance"}
 * 22+H        P     payload: kind-specific binary, written with {@link DataOutputStream}
 * end-4       4     CRC32C of bytes [18, end-4)
 * </pre>
 * The magic's CR-LF and 0x1A bytes detect files mangled by text-mode transfers, as in PNG.
 *
 * <h2>Guarantees</h2>
 * Writes go to a temporary file in the target directory and are moved into place atomically, so a crash never
 * leaves a half-written model under the final name. {@link #open} checks magic, container version, length and
 * checksum before the caller sees a byte of payload, then the kind and the version range the caller accepts, and
 * fails with a typed {@link ModelFormatException}. Readers choose the class to build from the kind string through
 * their own fixed allow-list; nothing here instantiates classes named in the file.
 *
 * <p>Stateless and thread-safe; a {@link Reader} is one per thread.
 */
public final class ModelFile {
    /** Magic bytes at offset 0. */
    static final byte[] MAGIC = {(byte) 0x89, 'F', 'R', 'E', 'C', '\r', '\n', 0x1A};
    /** The container version this library writes and the highest it reads. */
    public static final int CONTAINER_VERSION = 1;
    static final int MAX_HEADER_BYTES = 64 << 20;
    static final int PREFIX_BYTES = 8 + 2 + 8;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ModelFile() {}

    /** Writes the payload of one model kind. */
    @FunctionalInterface
    public interface PayloadWriter {
        /** Writes the payload to {@code out}; do not close it. */
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * Writes a model file atomically.
     *
     * @param target  the final path; its parent directory must exist
     * @param header  kind, version, metadata and provenance
     * @param payload writes the binary payload
     */
    public static void write(Path target, ModelHeader header, PayloadWriter payload) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir))
            throw new IOException(target + ": parent directory does not exist");
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            byte[] headerBytes = JSON.writeValueAsBytes(headerJson(header));
            if (headerBytes.length > MAX_HEADER_BYTES)
                throw new IOException(target + ": header is " + headerBytes.length + " bytes, above the 64 MiB limit");
            CRC32C crc = new CRC32C();
            long length;
            try (OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                DataOutputStream prefix = new DataOutputStream(raw);
                prefix.write(MAGIC);
                prefix.writeShort(CONTAINER_VERSION);
                prefix.writeLong(0L); // patched below
                prefix.flush();
                CheckedOutputStream checked = new CheckedOutputStream(raw, crc);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
                out.writeInt(headerBytes.length);
                out.write(headerBytes);
                payload.write(out);
                out.flush();
                long checksum = crc.getValue();
                DataOutputStream tail = new DataOutputStream(raw);
                tail.writeInt((int) checksum);
                tail.flush();
            }
            length = Files.size(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.allocate(8).putLong(0, length);
                ch.write(b, 10);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Opens and fully verifies a model file (magic, container version, length, checksum, kind, version range).
     *
     * @param file        the file
     * @param kind        the kind the caller can load
     * @param minVersion  oldest payload version the caller reads
     * @param maxVersion  newest payload version the caller reads
     */
    public static Reader open(Path file, String kind, int minVersion, int maxVersion) throws IOException {
        return open(file, kind, minVersion, maxVersion, true);
    }

    /**
     * As {@link #open(Path, String, int, int)}; with {@code verifyChecksum == false} the CRC pass over the whole
     * file is skipped (for memory-mapping very large indexes whose checksum was verified once before). Magic,
     * versions, kind and length are always checked.
     */
    public static Reader open(Path file, String kind, int minVersion, int maxVersion, boolean verifyChecksum)
            throws IOException {
        if (!Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(file.toString());
        long actual = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            DataInputStream din = new DataInputStream(new BufferedInputStream(in));
            byte[] magic = new byte[MAGIC.length];
            int n = din.readNBytes(magic, 0, magic.length);
            if (n < magic.length && n > 0 && Arrays.equals(magic, 0, n, MAGIC, 0, n))
                throw new ModelFormatException(file, ModelFormatException.Reason.TRUNCATED,
                        "only " + n + " bytes, all of them the start of the magic");
            if (n < magic.length || !Arrays.equals(magic, MAGIC))
                throw new ModelFormatException(file, ModelFormatException.Reason.NOT_A_MODEL_FILE,
                        "does not start with FinRec's model-file magic bytes");
            if (actual < PREFIX_BYTES + 8)
                throw new ModelFormatException(file, ModelFormatException.Reason.TRUNCATED, "only " + actual + " bytes");
            int container = din.readUnsignedShort();
            if (container < 1 || container > CONTAINER_VERSION)
                throw new ModelFormatException(file, ModelFormatException.Reason.UNSUPPORTED_VERSION,
                        "container version " + container + "; this library reads 1.." + CONTAINER_VERSION);
            long recorded = din.readLong();
            if (recorded > actual)
                throw new ModelFormatException(file, ModelFormatException.Reason.TRUNCATED,
                        "file has " + actual + " bytes but recorded length is " + recorded);
            if (recorded != actual)
                throw new ModelFormatException(file, ModelFormatException.Reason.CHECKSUM_MISMATCH,
                        "file has " + actual + " bytes but recorded length is " + recorded);
        }
        if (verifyChecksum) verifyCrc(file, actual);
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            in.skipNBytes(PREFIX_BYTES);
            int headerLength = in.readInt();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + 4L + headerLength + 4 > actual)
                throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT,
                        "header length " + headerLength + " is impossible");
            byte[] headerBytes = in.readNBytes(headerLength);
            ModelHeader header = parseHeader(file, headerBytes);
            if (!header.kind().equals(kind))
                throw new ModelFormatException(file, ModelFormatException.Reason.WRONG_KIND,
                        "holds a '" + header.kind() + "' model, expected '" + kind + "'");
            if (header.version() < minVersion || header.version() > maxVersion)
                throw new ModelFormatException(file, ModelFormatException.Reason.UNSUPPORTED_VERSION,
                        "'" + kind + "' format version " + header.version() + "; this library reads " + minVersion
                                + ".." + maxVersion);
            long payloadOffset = PREFIX_BYTES + 4L + headerLength;
            long payloadLength = actual - payloadOffset - 4;
            return new Reader(file, header, in, payloadOffset, payloadLength);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads only the header of a model file (after the same checks as {@link #open}, without kind checks). */
    public static ModelHeader readHeader(Path file) throws IOException {
        try (Reader r = open(file, peekKind(file), 1, Integer.MAX_VALUE)) {
            return r.header();
        }
    }

    private static String peekKind(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC))
                throw new ModelFormatException(file, ModelFormatException.Reason.NOT_A_MODEL_FILE,
                        "does not start with FinRec's model-file magic bytes");
            in.skipNBytes(10);
            int len = in.readInt();
            if (len < 2 || len > MAX_HEADER_BYTES)
                throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT,
                        "header length " + len + " is impossible");
            return parseHeader(file, in.readNBytes(len)).kind();
        } catch (EOFException e) {
            throw new ModelFormatException(file, ModelFormatException.Reason.TRUNCATED, "ends inside the header", e);
        }
    }

    private static void verifyCrc(Path file, long actual) throws IOException {
        CRC32C crc = new CRC32C();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            long pos = PREFIX_BYTES;
            long end = actual - 4;
            while (pos < end) {
                buf.clear();
                if (end - pos < buf.capacity()) buf.limit((int) (end - pos));
                int r = ch.read(buf, pos);
                if (r < 0) break;
                buf.flip();
                crc.update(buf);
                pos += r;
            }
            ByteBuffer tail = ByteBuffer.allocate(4);
            ch.read(tail, end);
            int stored = tail.getInt(0);
            if (stored != (int) crc.getValue())
                throw new ModelFormatException(file, ModelFormatException.Reason.CHECKSUM_MISMATCH,
                        String.format("CRC32C is %08x but the footer says %08x: the file was altered or damaged",
                                (int) crc.getValue(), stored));
        }
    }

    private static ObjectNode headerJson(ModelHeader h) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", h.kind());
        root.put("version", h.version());
        root.set("metadata", h.metadata());
        root.set("provenance", JSON.valueToTree(h.provenance()));
        return root;
    }

    private static ModelHeader parseHeader(Path file, byte[] bytes) throws ModelFormatException {
        try {
            JsonNode root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (!(root instanceof ObjectNode obj) || !obj.path("kind").isTextual() || !obj.path("version").isInt()
                    || !(obj.get("metadata") instanceof ObjectNode) || !(obj.get("provenance") instanceof ObjectNode))
                throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT,
                        "header lacks kind, version, metadata or provenance");
            Provenance p = JSON.treeToValue(obj.get("provenance"), Provenance.class);
            return new ModelHeader(obj.get("kind").asText(), obj.get("version").asInt(),
                    (ObjectNode) obj.get("metadata"), p);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT,
                    "header is not valid: " + e.getMessage(), e);
        }
    }

    /** Builds a metadata object from a map (values: strings, numbers, booleans, lists, maps, records). */
    public static ObjectNode metadata(Map<String, ?> values) {
        return JSON.valueToTree(values);
    }

    /** The shared JSON mapper for metadata conversions ({@code treeToValue}, {@code valueToTree}). */
    public static ObjectMapper json() {
        return JSON.copy();
    }

    /**
     * An open, verified model file positioned at the start of the payload. Close it when done.
     * Not thread-safe.
     */
    public static final class Reader implements Closeable {
        private final Path file;
        private final ModelHeader header;
        private final DataInputStream payload;
        private final long payloadOffset;
        private final long payloadLength;

        Reader(Path file, ModelHeader header, DataInputStream payload, long payloadOffset, long payloadLength) {
            this.file = file;
            this.header = header;
            this.payload = new DataInputStream(new BoundedInputStream(payload, payloadLength));
            this.payloadOffset = payloadOffset;
            this.payloadLength = payloadLength;
        }

        /** The verified header. */
        public ModelHeader header() {
            return header;
        }

        /** The payload stream; reading past the payload's end throws {@link EOFException}. */
        public DataInputStream payload() {
            return payload;
        }

        /** Byte offset of the payload in the file (for memory-mapping). */
        public long payloadOffset() {
            return payloadOffset;
        }

        /** Payload length in bytes. */
        public long payloadLength() {
            return payloadLength;
        }

        /** The file being read. */
        public Path file() {
            return file;
        }

        /** An {@link ModelFormatException.Reason#INVALID_CONTENT} error about this file. */
        public ModelFormatException invalid(String detail) {
            return new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, detail);
        }

        /** Fails unless the whole payload was consumed (catches readers and writers that disagree). */
        public void expectEnd() throws ModelFormatException {
            try {
                if (payload.read() != -1) throw invalid("payload has trailing bytes the reader did not expect");
            } catch (IOException e) {
                throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            payload.close();
        }
    }

    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) return -1;
            int b = in.read();
            if (b >= 0) remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int r = in.read(b, off, (int) Math.min(len, remaining));
            if (r > 0) remaining -= r;
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(Math.min(n, remaining));
            remaining -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }
    }
}
