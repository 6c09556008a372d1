package io.finrec.examples.app;

import io.finrec.api.categorize.TransactionCategorizer;
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

    /** The library's shipped default categorizer, when this build has one. */
    public static Optional<Named> defaultCategorizer() {
        return Optional.empty();
    }
}
