package io.finrec.nlp.classify;

import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelFormatException;
import io.finrec.api.model.ModelHeader;
import io.finrec.api.model.Payloads;
import io.finrec.api.model.Provenance;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained softmax classifier over {@link SparseVector} features: logistic regression ({@code hiddenUnits == 0})
 * or one hidden ReLU layer. Prediction runs in plain Java on primitive arrays (cost proportional to the non-zero
 * features times the layer width); no native engine is loaded. Immutable and thread-safe.
 *
 * <p>Persists as model kind {@value #KIND} (version 1), or as a payload inside another model's file
 * ({@link #writePayload}/{@link #readPayload}).
 */
public final class SoftmaxClassifier {
    /** Model-file kind of a stand-alone classifier. */
    public static final String KIND = "finrec.softmax-classifier";
    static final int MAX_DIM = 1 << 26;

    private final List<String> labels;
    private final int dimension;
    private final int hidden;
    private final float[] w1; // [dimension][width1], width1 = hidden or classes
    private final float[] b1;
    private final float[] w2; // [hidden][classes] or empty
    private final float[] b2;

    SoftmaxClassifier(List<String> labels, int dimension, int hidden, float[] w1, float[] b1, float[] w2, float[] b2) {
        this.labels = List.copyOf(labels);
        this.dimension = dimension;
        this.hidden = hidden;
        int k = labels.size();
        int width1 = hidden == 0 ? k : hidden;
        if (w1.length != (long) dimension * width1 || b1.length != width1
                || (hidden > 0 && (w2.length != (long) hidden * k || b2.length != k)) || (hidden == 0 && (w2.length != 0 || b2.length != 0)))
            throw new IllegalArgumentException("weights: shapes do not match dimension " + dimension + ", hidden "
                    + hidden + ", classes " + k);
        for (float[] a : new float[][] {w1, b1, w2, b2})
            for (float v : a) if (!Float.isFinite(v)) throw new IllegalArgumentException("weights: not finite");
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    /** Class names, by class id. */
    public List<String> labels() {
        return labels;
    }

    /** Number of input features. */
    public int dimension() {
        return dimension;
    }

    /** Hidden-layer width (0 for logistic regression). */
    public int hiddenUnits() {
        return hidden;
    }

    /** Class probabilities (summing to 1), by class id. */
    public double[] probabilities(SparseVector x) {
        Objects.requireNonNull(x, "x");
        if (x.span() > dimension)
            throw new IllegalArgumentException("x: feature index " + (x.span() - 1) + " >= dimension " + dimension);
        int k = labels.size();
        int[] idx = x.indices();
        float[] val = x.values();
        double[] logits = new double[k];
        if (hidden == 0) {
            for (int c = 0; c < k; c++) logits[c] = b1[c];
            for (int n = 0; n < idx.length; n++) {
                int off = idx[n] * k;
                float v = val[n];
                for (int c = 0; c < k; c++) logits[c] += v * w1[off + c];
            }
        } else {
            double[] h = new double[hidden];
            for (int j = 0; j < hidden; j++) h[j] = b1[j];
            for (int n = 0; n < idx.length; n++) {
                int off = idx[n] * hidden;
                float v = val[n];
                for (int j = 0; j < hidden; j++) h[j] += v * w1[off + j];
            }
            for (int c = 0; c < k; c++) logits[c] = b2[c];
            for (int j = 0; j < hidden; j++) {
                double a = h[j];
                if (a <= 0) continue;
                int off = j * k;
                for (int c = 0; c < k; c++) logits[c] += a * w2[off + c];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) max = Math.max(max, l);
        double sum = 0;
        for (int c = 0; c < k; c++) sum += logits[c] = Math.exp(logits[c] - max);
        for (int c = 0; c < k; c++) logits[c] /= sum;
        return logits;
    }

    /** The most probable class id (lowest id on ties). */
    public int predict(SparseVector x) {
        double[] p = probabilities(x);
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        return best;
    }

    /** Approximate heap use of the weights, in bytes. */
    public long ramBytesUsed() {
        return 4L * (w1.length + b1.length + w2.length + b2.length) + 64L * labels.size() + 128;
    }

    /** Writes the classifier as a payload section (labels, shapes, weights). */
    public void writePayload(DataOutputStream out) throws IOException {
        Payloads.writeStrings(out, labels);
        out.writeInt(dimension);
        out.writeInt(hidden);
        Payloads.writeFloats(out, w1);
        Payloads.writeFloats(out, b1);
        Payloads.writeFloats(out, w2);
        Payloads.writeFloats(out, b2);
    }

    /** Reads a payload section written by {@link #writePayload}; {@code file} names the source in errors. */
    public static SoftmaxClassifier readPayload(DataInputStream in, Path file) throws IOException {
        List<String> labels = Payloads.readStrings(in, 1 << 16, "labels");
        int dim = in.readInt();
        int hidden = in.readInt();
        if (labels.size() < 2 || dim < 1 || dim > MAX_DIM || hidden < 0 || hidden > 1 << 14)
            throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "classifier shape out of range: " + labels.size() + " classes, dimension "
                    + dim + ", hidden " + hidden);
        int width1 = hidden == 0 ? labels.size() : hidden;
        long n1 = (long) dim * width1;
        if (n1 > Integer.MAX_VALUE - 8) throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, "classifier too large");
        float[] w1 = Payloads.readFloats(in, (int) n1, "w1");
        float[] b1 = Payloads.readFloats(in, width1, "b1");
        float[] w2 = Payloads.readFloats(in, hidden * labels.size(), "w2");
        float[] b2 = Payloads.readFloats(in, labels.size(), "b2");
        try {
            return new SoftmaxClassifier(labels, dim, hidden, w1, b1, w2, b2);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, ModelFormatException.Reason.INVALID_CONTENT, e.getMessage());
        }
    }

    /** Saves as a stand-alone model file of kind {@value #KIND}. */
    public void save(Path file, Provenance provenance) throws IOException {
        ModelHeader header = new ModelHeader(KIND, 1, ModelFile.metadata(Map.of("labels", labels, "dimension", dimension,
                "hiddenUnits", hidden)), provenance);
        ModelFile.write(file, header, this::writePayload);
    }

    /** Loads a stand-alone classifier saved by {@link #save}. */
    public static SoftmaxClassifier load(Path file) throws IOException {
        try (ModelFile.Reader r = ModelFile.open(file, KIND, 1, 1)) {
            return readPayload(r.payload(), file);
        }
    }
}
