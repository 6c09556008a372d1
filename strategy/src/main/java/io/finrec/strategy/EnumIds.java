package io.finrec.strategy;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parsing of the command-line ids of this package's enums. Stateless and thread-safe. */
final class EnumIds {
    private EnumIds() {}

    /** The constant whose id equals {@code text} (case-insensitive); the error lists the valid ids. */
    static <E extends Enum<E>> E parse(E[] values, Function<E, String> id, String text, String field) {
        String t = text.toLowerCase(Locale.ROOT);
        for (E e : values) if (id.apply(e).equals(t)) return e;
        throw new IllegalArgumentException(field + ": unknown '" + text + "', expected one of "
                + Arrays.stream(values).map(id).collect(Collectors.joining(", ")));
    }
}
