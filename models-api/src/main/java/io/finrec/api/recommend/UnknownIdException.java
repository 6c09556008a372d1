package io.finrec.api.recommend;

import java.util.Objects;

/**
 * A user, item or feature id the model does not know. Recommenders never score an unknown id as zero: they throw
 * this, naming the id and what it was meant to be.
 */
public class UnknownIdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What kind of id was unknown. */
    public enum Kind {
        /** A user id. */
        USER,
        /** An item id. */
        ITEM,
        /** A user feature name. */
        USER_FEATURE,
        /** An item feature name. */
        ITEM_FEATURE
    }

    private final Kind kind;
    private final String id;

    /** @param kind what the id names; @param id the id */
    public UnknownIdException(Kind kind, String id) {
        super(Objects.requireNonNull(kind, "kind").name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " '" + id + "' is not known to the model");
        this.kind = kind;
        this.id = id;
    }

    /** What kind of id was unknown. */
    public Kind kind() {
        return kind;
    }

    /** The unknown id. */
    public String id() {
        return id;
    }
}
