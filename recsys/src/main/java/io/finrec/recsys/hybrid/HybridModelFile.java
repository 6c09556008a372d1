package io.finrec.recsys.hybrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.api.model.ModelFile;
import io.finrec.api.model.ModelFormatException;
import io.finrec.api.model.ModelHeader;
import io.finrec.api.model.Payloads;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link HybridModel}s in FinRec's model-file container (kind {@value HybridModel#KIND}, payload
 * version {@value #VERSION}). The payload layout is documented in {@code docs/recsys.md}; every array is
 * length-prefixed ({@link Payloads}) and checked for consistency on load. Stateless and thread-safe.
 */
final class HybridModelFile {
    static final int VERSION = 1;
    private static final int MAX = Integer.MAX_VALUE - 8;

    private HybridModelFile() {}

    static void write(HybridModel m, Path file) throws IOException {
        HybridConfig c = m.config();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("components", c.components());
        meta.put("loss", c.loss().name());
        meta.put("schedule", c.schedule().name());
        meta.put("learningRate", c.learningRate());
        meta.put("rho", c.rho());
        meta.put("epsilon", c.epsilon());
        meta.put("userAlpha", c.userAlpha());
        meta.put("itemAlpha", c.itemAlpha());
        meta.put("maxSampled", c.maxSampled());
        meta.put("kosK", c.kosK());
        meta.put("kosN", c.kosN());
        meta.put("epochs", c.epochs());
        meta.put("threads", c.threads());
        meta.put("seed", c.seed());
        meta.put("userIdentity", c.userIdentity());
        meta.put("itemIdentity", c.itemIdentity());
        meta.put("epochsTrained", m.epochsTrained());
        meta.put("users", m.users.size());
        meta.put("items", m.items.size());
        meta.put("userFeatures", m.users.featureCount);
        meta.put("itemFeatures", m.items.featureCount);
        ModelHeader header = new ModelHeader(HybridModel.KIND, VERSION, ModelFile.metadata(meta), m.provenance());
        ModelFile.write(file, header, out -> {
            Payloads.writeStrings(out, m.users.ids);
            Payloads.writeStrings(out, m.items.ids);
            writeSpace(out, m.users);
            writeSpace(out, m.items);
            writeParams(out, m.up);
            writeParams(out, m.ip);
            Payloads.writeInts(out, m.known.ptr);
            Payloads.writeInts(out, m.known.items);
            Payloads.writeFloats(out, m.known.values);
        });
    }

    private static void writeSpace(DataOutputStream out, FeatureSpace s) throws IOException {
        Payloads.writeInts(out, s.identity);
        Payloads.writeStrings(out, s.names);
        Payloads.writeInts(out, s.nameFeature);
        out.writeInt(s.featureCount);
        Payloads.writeInts(out, s.rowPtr);
        Payloads.writeInts(out, s.rowFeat);
        Payloads.writeFloats(out, s.rowW);
    }

    private static void writeParams(DataOutputStream out, FactorParams p) throws IOException {
        Payloads.writeFloats(out, p.emb);
        Payloads.writeFloats(out, p.bias);
        Payloads.writeFloats(out, p.acc);
        Payloads.writeFloats(out, p.accBias);
        Payloads.writeFloats(out, p.mom);
        Payloads.writeFloats(out, p.momBias);
    }

    static HybridModel read(Path file) throws IOException {
        try (ModelFile.Reader r = ModelFile.open(file, HybridModel.KIND, 1, VERSION)) {
            ObjectNode meta = r.header().metadata();
            HybridConfig c;
            long epochsTrained;
            try {
                c = HybridConfig.builder()
                        .components(req(r, meta, "components").asInt())
                        .loss(Loss.valueOf(req(r, meta, "loss").asText()))
                        .schedule(LearningSchedule.valueOf(req(r, meta, "schedule").asText()))
                        .learningRate(req(r, meta, "learningRate").asDouble())
                        .rho(req(r, meta, "rho").asDouble())
                        .epsilon(req(r, meta, "epsilon").asDouble())
                        .userAlpha(req(r, meta, "userAlpha").asDouble())
                        .itemAlpha(req(r, meta, "itemAlpha").asDouble())
                        .maxSampled(req(r, meta, "maxSampled").asInt())
                        .kosK(req(r, meta, "kosK").asInt())
                        .kosN(req(r, meta, "kosN").asInt())
                        .epochs(req(r, meta, "epochs").asInt())
                        .threads(req(r, meta, "threads").asInt())
                        .seed(req(r, meta, "seed").asLong())
                        .userIdentity(req(r, meta, "userIdentity").asBoolean())
                        .itemIdentity(req(r, meta, "itemIdentity").asBoolean())
                        .build();
                epochsTrained = req(r, meta, "epochsTrained").asLong();
            } catch (IllegalArgumentException e) {
                throw r.invalid("metadata: " + e.getMessage());
            }
            DataInputStream in = r.payload();
            try {
                List<String> userIds = Payloads.readStrings(in, MAX, "userIds");
                List<String> itemIds = Payloads.readStrings(in, MAX, "itemIds");
                FeatureSpace users = readSpace(r, in, userIds, "user");
                FeatureSpace items = readSpace(r, in, itemIds, "item");
                int k = c.components();
                boolean adadelta = c.schedule() == LearningSchedule.ADADELTA;
                FactorParams up = readParams(r, in, k, users.featureCount, adadelta, "user");
                FactorParams ip = readParams(r, in, k, items.featureCount, adadelta, "item");
                int[] kp = Payloads.readInts(in, MAX, "known.ptr");
                int[] ki = Payloads.readInts(in, MAX, "known.items");
                float[] kv = Payloads.readFloats(in, MAX, "known.values");
                checkCsr(r, kp, users.size(), ki.length, "known");
                if (kv.length != ki.length) throw r.invalid("known.values: length " + kv.length + " != " + ki.length);
                for (int u = 0; u < users.size(); u++)
                    for (int q = kp[u]; q < kp[u + 1]; q++) {
                        if (ki[q] < 0 || ki[q] >= items.size())
                            throw r.invalid("known.items[" + q + "]: item ordinal " + ki[q] + " out of range");
                        if (q > kp[u] && ki[q] <= ki[q - 1])
                            throw r.invalid("known.items: row " + u + " is not sorted and distinct");
                    }
                r.expectEnd();
                return new HybridModel(c, users, items, up, ip, new KnownItems(kp, ki, kv), epochsTrained,
                        r.header().provenance());
            } catch (java.io.EOFException e) {
                throw new ModelFormatException(file, ModelFormatException.Reason.TRUNCATED,
                        "payload ends early: " + e.getMessage(), e);
            }
        }
    }

    private static JsonNode req(ModelFile.Reader r, ObjectNode meta, String field) throws ModelFormatException {
        JsonNode n = meta.get(field);
        if (n == null || n.isNull()) throw r.invalid("metadata: missing '" + field + "'");
        return n;
    }

    private static FeatureSpace readSpace(ModelFile.Reader r, DataInputStream in, List<String> ids, String side)
            throws IOException {
        int[] identity = Payloads.readInts(in, MAX, side + ".identity");
        List<String> names = Payloads.readStrings(in, MAX, side + ".names");
        int[] nameFeature = Payloads.readInts(in, MAX, side + ".nameFeature");
        int fc = in.readInt();
        int[] ptr = Payloads.readInts(in, MAX, side + ".rowPtr");
        int[] feat = Payloads.readInts(in, MAX, side + ".rowFeat");
        float[] w = Payloads.readFloats(in, MAX, side + ".rowW");
        if (identity.length != ids.size())
            throw r.invalid(side + ".identity: length " + identity.length + " != " + ids.size() + " ids");
        if (nameFeature.length != names.size())
            throw r.invalid(side + ".nameFeature: length " + nameFeature.length + " != " + names.size() + " names");
        if (fc < 0) throw r.invalid(side + ".featureCount: " + fc);
        for (int v : identity) if (v < -1 || v >= fc) throw r.invalid(side + ".identity: feature " + v + " out of range");
        for (int v : nameFeature) if (v < 0 || v >= fc) throw r.invalid(side + ".nameFeature: " + v + " out of range");
        checkCsr(r, ptr, ids.size(), feat.length, side + ".rows");
        if (w.length != feat.length) throw r.invalid(side + ".rowW: length " + w.length + " != " + feat.length);
        for (int q = 0; q < feat.length; q++) {
            if (feat[q] < 0 || feat[q] >= fc) throw r.invalid(side + ".rowFeat[" + q + "]: " + feat[q] + " out of range");
            if (!Float.isFinite(w[q])) throw r.invalid(side + ".rowW[" + q + "]: not finite");
        }
        if (new java.util.HashSet<>(ids).size() != ids.size()) throw r.invalid(side + "Ids: duplicate ids");
        return new FeatureSpace(ids, identity, names, nameFeature, fc, ptr, feat, w);
    }

    private static void checkCsr(ModelFile.Reader r, int[] ptr, int rows, int nnz, String what)
            throws ModelFormatException {
        if (ptr.length != rows + 1) throw r.invalid(what + ": pointer length " + ptr.length + " != " + (rows + 1));
        if (ptr[0] != 0 || ptr[rows] != nnz) throw r.invalid(what + ": pointers do not span " + nnz + " entries");
        for (int i = 0; i < rows; i++) if (ptr[i + 1] < ptr[i]) throw r.invalid(what + ": pointers decrease at " + i);
    }

    private static FactorParams readParams(ModelFile.Reader r, DataInputStream in, int k, int fc, boolean adadelta,
                                           String side) throws IOException {
        long n = (long) fc * k;
        if (n > MAX) throw r.invalid(side + ": " + fc + " features x " + k + " components is too large");
        float[] emb = Payloads.readFloats(in, (int) n, side + ".embeddings");
        float[] bias = Payloads.readFloats(in, fc, side + ".biases");
        float[] acc = Payloads.readFloats(in, (int) n, side + ".gradientSums");
        float[] accB = Payloads.readFloats(in, fc, side + ".biasGradientSums");
        float[] mom = Payloads.readFloats(in, (int) n, side + ".momentum");
        float[] momB = Payloads.readFloats(in, fc, side + ".biasMomentum");
        if (emb.length != n || bias.length != fc || acc.length != n || accB.length != fc
                || mom.length != (adadelta ? n : 0) || momB.length != (adadelta ? fc : 0))
            throw r.invalid(side + ": parameter arrays do not match " + fc + " features x " + k + " components");
        for (float v : emb) if (!Float.isFinite(v)) throw r.invalid(side + ".embeddings: non-finite value");
        for (float v : bias) if (!Float.isFinite(v)) throw r.invalid(side + ".biases: non-finite value");
        return new FactorParams(k, emb, bias, acc, accB, mom, momB);
    }
}
