package io.finrec.nlp.transformer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.finrec.nlp.embedding.MiniLmFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pre-trained all-MiniLM-L6-v2 encoder as fine-tuning starts from it: its weights read from the ONNX file that
 * the langchain4j MiniLM jar ships ({@link OnnxGraph}, {@link BertWeights}), the file's SHA-256 (recorded in every
 * fine-tuned model and checked when one loads) and its word-piece tokenizer. Offline: the files come from the
 * classpath via {@link MiniLmFiles}. {@link #shared()} loads once per JVM (~0.5-2 s, ~90 MB of heap for the
 * weights). Immutable and thread-safe.
 */
public final class MiniLmBase {
    /** Attention heads of all-MiniLM-L6-v2 (not recorded in its weights). */
    public static final int HEADS = 12;
    private static final Object LOCK = new Object();
    private static volatile MiniLmBase shared;

    private final Path onnxFile;
    private final String sha256;
    private final BertWeights weights;
    private final HuggingFaceTokenizer tokenizer;
    private final long clsId, sepId, padId;

    private MiniLmBase(Path onnxFile, Path tokenizerFile) throws IOException {
        this.onnxFile = onnxFile;
        this.sha256 = sha256(onnxFile);
        this.weights = BertWeights.fromOnnx(OnnxGraph.read(onnxFile), HEADS);
        this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerFile,
                Map.of("addSpecialTokens", "true", "padding", "false", "truncation", "false"));
        long[] empty = tokenizer.encode("", true, false).getIds();
        if (empty.length != 2) throw new IOException(tokenizerFile + ": tokenizer does not add [CLS] and [SEP]");
        this.clsId = empty[0];
        this.sepId = empty[1];
        this.padId = 0;
    }

    /** The JVM-wide instance, from the MiniLM files in FinRec's cache (copied from the classpath when missing). */
    public static MiniLmBase shared() {
        MiniLmBase s = shared;
        if (s != null) return s;
        synchronized (LOCK) {
            if (shared == null) {
                try {
                    Path dir = MiniLmFiles.resolve(Optional.empty());
                    shared = new MiniLmBase(dir.resolve(MiniLmFiles.MODEL), dir.resolve(MiniLmFiles.TOKENIZER));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot load the MiniLM base model: " + e.getMessage(), e);
                }
            }
            return shared;
        }
    }

    /** A private instance from explicit files (for other BERT exports with 12 heads and the same tokenizer format). */
    public static MiniLmBase load(Path onnxFile, Path tokenizerFile) throws IOException {
        return new MiniLmBase(Objects.requireNonNull(onnxFile, "onnxFile"), Objects.requireNonNull(tokenizerFile, "tokenizerFile"));
    }

    /** The ONNX file the weights came from. */
    public Path onnxFile() {
        return onnxFile;
    }

    /** SHA-256 of the ONNX file, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /** The encoder weights. */
    public BertWeights weights() {
        return weights;
    }

    /** The encoder shape. */
    public BertConfig config() {
        return weights.config();
    }

    /**
     * Word-piece ids of texts, {@code [CLS] ... [SEP]}, cut to at most {@code maxTokens} (the last kept piece is
     * always {@code [SEP]}, as HuggingFace truncation does).
     */
    public long[][] tokenize(List<String> texts, int maxTokens) {
        Objects.requireNonNull(texts, "texts");
        if (maxTokens < 2 || maxTokens > config().maxPositions())
            throw new IllegalArgumentException("maxTokens must be in [2, " + config().maxPositions() + "], was " + maxTokens);
        long[][] out = new long[texts.size()][];
        if (texts.isEmpty()) return out;
        for (int i = 0; i < texts.size(); i++)
            Objects.requireNonNull(texts.get(i), "texts: null at index " + i);
        Encoding[] enc = tokenizer.batchEncode(texts.toArray(new String[0]), true, false);
        for (int i = 0; i < enc.length; i++) {
            long[] ids = enc[i].getIds();
            if (ids.length > maxTokens) {
                ids = java.util.Arrays.copyOf(ids, maxTokens);
                ids[maxTokens - 1] = sepId;
            }
            out[i] = ids;
        }
        return out;
    }

    /** Id of {@code [CLS]}. */
    public long clsId() {
        return clsId;
    }

    /** Id of padding. */
    public long padId() {
        return padId;
    }

    /** SHA-256 of a file, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
