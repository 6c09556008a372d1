package io.finrec.api.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The JSON header of a model file: what kind of model it is, the version of that kind's payload layout, free-form
 * metadata (hyper-parameters, id counts, vocabularies...) and provenance. The metadata node is deep-copied on the
 * way in and out, so a header is effectively immutable and thread-safe.
 *
 * @param kind       a stable name such as "finrec.hybrid-factorization"; readers only accept the kinds they know
 * @param version    version of the payload layout for this kind, {@code >= 1}
 * @param metadata   kind-specific JSON object
 * @param provenance where the model came from
 */
public record ModelHeader(String kind, int version, ObjectNode metadata, Provenance provenance) {
    public ModelHeader {
        Objects.requireNonNull(kind, "kind");
        if (!kind.matches("[a-z0-9][a-z0-9.\\-]{0,63}"))
            throw new IllegalArgumentException("kind: '" + kind + "' must be lower-case letters, digits, '.' and '-'");
        if (version < 1) throw new IllegalArgumentException("version: must be >= 1, was " + version);
        metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A copy of the metadata. */
    @Override
    public ObjectNode metadata() {
        return metadata.deepCopy();
    }
}
