package io.finrec.examples.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which rules run and with which thresholds: defaults, overridden per segment, overridden again per customer (the
 * most specific wins, threshold by threshold). Immutable and thread-safe.
 *
 * <p>A policy file is JSON; every part is optional and unknown names are errors:
 * <pre>{@code
 * {
 *   "defaults":  { "perTransactionLimit": 5000, "dailyLimit": 10000, "lowBalance": 100 },
 *   "segments":  { "STUDENT": { "perTransactionLimit": 1000, "monthlyLimit": 3000 } },
 *   "customers": { "C000042": { "perTransactionLimit": 250 } },
 *   "disabled":  [ "UNUSUAL_SPENDING" ]
 * }
 * }</pre>
 */
public final class AlertPolicy {
    private final AlertThresholds defaults;
    private final Map<Segment, Map<String, Double>> segments;
    private final Map<String, Map<String, Double>> customers;
    private final Set<AlertKind> disabled;

    private AlertPolicy(AlertThresholds defaults, Map<Segment, Map<String, Double>> segments,
                        Map<String, Map<String, Double>> customers, Set<AlertKind> disabled) {
        this.defaults = defaults;
        this.segments = segments;
        this.customers = customers;
        this.disabled = disabled;
    }

    /** Every rule with {@link AlertThresholds#DEFAULTS}. */
    public static AlertPolicy defaults() {
        return new AlertPolicy(AlertThresholds.DEFAULTS, Map.of(), Map.of(), Set.of());
    }

    /** This policy with other default thresholds. */
    public AlertPolicy withDefaults(AlertThresholds t) {
        return new AlertPolicy(Objects.requireNonNull(t, "defaults"), segments, customers, disabled);
    }

    /** This policy with thresholds overridden for a segment (validated against the defaults now). */
    public AlertPolicy withSegment(Segment segment, Map<String, Double> overrides) {
        Objects.requireNonNull(segment, "segment");
        defaults.with(overrides);
        Map<Segment, Map<String, Double>> m = new EnumMap<>(Segment.class);
        m.putAll(segments);
        m.put(segment, Map.copyOf(overrides));
        return new AlertPolicy(defaults, Collections.unmodifiableMap(m), customers, disabled);
    }

    /** This policy with thresholds overridden for one customer (validated against the defaults now). */
    public AlertPolicy withCustomer(String customerId, Map<String, Double> overrides) {
        Objects.requireNonNull(customerId, "customerId");
        defaults.with(overrides);
        Map<String, Map<String, Double>> m = new LinkedHashMap<>(customers);
        m.put(customerId, Map.copyOf(overrides));
        return new AlertPolicy(defaults, segments, Collections.unmodifiableMap(m), disabled);
    }

    /** This policy with some rules switched off. */
    public AlertPolicy withDisabled(Set<AlertKind> kinds) {
        return new AlertPolicy(defaults, segments, customers, Set.copyOf(kinds));
    }

    /** The thresholds for a customer: defaults, then its segment's overrides, then its own. */
    public AlertThresholds thresholdsFor(Customer c) {
        AlertThresholds t = defaults;
        Map<String, Double> s = segments.get(c.segment());
        if (s != null) t = t.with(s);
        Map<String, Double> own = customers.get(c.id());
        if (own != null) t = t.with(own);
        return t;
    }

    /** Whether a rule runs. */
    public boolean enabled(AlertKind kind) {
        return !disabled.contains(kind);
    }

    /**
     * Reads a policy file (format in the class comment).
     *
     * @throws IllegalArgumentException naming the file and the offending field
     */
    public static AlertPolicy read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException | java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": expected a JSON object");
        AlertPolicy p = defaults();
        try {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                switch (e.getKey()) {
                    case "defaults" -> p = p.withDefaults(AlertThresholds.DEFAULTS.with(numbers(e.getValue(), "defaults")));
                    case "segments" -> {
                        for (Iterator<Map.Entry<String, JsonNode>> s = object(e.getValue(), "segments").fields(); s.hasNext(); ) {
                            Map.Entry<String, JsonNode> seg = s.next();
                            Segment segment;
                            try {
                                segment = Segment.valueOf(seg.getKey().toUpperCase(Locale.ROOT));
                            } catch (IllegalArgumentException x) {
                                throw new IllegalArgumentException("segments." + seg.getKey() + ": unknown segment; expected one of "
                                        + EnumSet.allOf(Segment.class));
                            }
                            p = p.withSegment(segment, numbers(seg.getValue(), "segments." + seg.getKey()));
                        }
                    }
                    case "customers" -> {
                        for (Iterator<Map.Entry<String, JsonNode>> s = object(e.getValue(), "customers").fields(); s.hasNext(); ) {
                            Map.Entry<String, JsonNode> c = s.next();
                            p = p.withCustomer(c.getKey(), numbers(c.getValue(), "customers." + c.getKey()));
                        }
                    }
                    case "disabled" -> {
                        if (!e.getValue().isArray()) throw new IllegalArgumentException("disabled: expected an array of rule names");
                        Set<AlertKind> off = EnumSet.noneOf(AlertKind.class);
                        for (JsonNode n : e.getValue()) {
                            try {
                                off.add(AlertKind.valueOf(n.asText().toUpperCase(Locale.ROOT)));
                            } catch (IllegalArgumentException x) {
                                throw new IllegalArgumentException("disabled: unknown rule '" + n.asText() + "'; expected one of "
                                        + EnumSet.allOf(AlertKind.class));
                            }
                        }
                        p = p.withDisabled(off);
                    }
                    default -> throw new IllegalArgumentException(e.getKey()
                            + ": unknown field; expected defaults, segments, customers, disabled");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return p;
    }

    private static JsonNode object(JsonNode n, String where) {
        if (!n.isObject()) throw new IllegalArgumentException(where + ": expected an object");
        return n;
    }

    private static Map<String, Double> numbers(JsonNode n, String where) {
        object(n, where);
        Map<String, Double> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber())
                throw new IllegalArgumentException(where + "." + e.getKey() + ": expected a number, was " + e.getValue());
            m.put(e.getKey(), e.getValue().doubleValue());
        }
        try {
            AlertThresholds.DEFAULTS.with(m);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "." + e.getMessage(), e);
        }
        return m;
    }
}
