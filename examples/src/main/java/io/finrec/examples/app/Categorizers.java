package io.finrec.examples.app;

import io.finrec.api.categorize.TransactionCategorizer;
import io.finrec.api.model.Provenance;
import io.finrec.nlp.categorize.CategorizerModel;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the app's transaction categorizer comes from. Stateless.
 */
public final class Categorizers {
    private Categorizers() {}

    /**
     * A categorizer with a stable id (what {@code result_runs} records, so a second run with the same categorizer
     * reuses the stored categories). Immutable; thread-safe when the categorizer is.
     *
     * @param id          identifies the model (kind, version, checksum)
     * @param categorizer the categorizer
     */
    public record Named(String id, TransactionCategorizer categorizer) {
        public Named {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(categorizer, "categorizer");
        }
    }

    /**
     * The library's shipped default categorizer ({@link CategorizerModel#builtin()}), named by its kind, version,
     * creation time and training-data fingerprint, so a new default model invalidates stored categories.
     */
    public static Optional<Named> defaultCategorizer() {
        CategorizerModel m = CategorizerModel.builtin();
        Provenance p = m.provenance();
        String fingerprint = p.dataFingerprint().length() > 12 ? p.dataFingerprint().substring(0, 12) : p.dataFingerprint();
        return Optional.of(new Named(CategorizerModel.KIND + ":" + CategorizerModel.VERSION + ":" + p.createdAt() + ":"
                + fingerprint, m));
    }
}
