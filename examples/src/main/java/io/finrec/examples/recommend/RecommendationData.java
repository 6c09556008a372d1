package io.finrec.examples.recommend;

import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.InteractionKind;
import io.finrec.core.domain.LifeEvent;
import io.finrec.core.domain.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the bank knows for recommending, as of one instant: customers, the catalogue, product interactions
 * (views, clicks, applications, openings, closures), life events, spending per category and social-signal features.
 * Immutable and thread-safe (collections are copied).
 *
 * @param customers    every customer
 * @param products     the catalogue
 * @param interactions product interactions, any order
 * @param lifeEvents   life events
 * @param spending     per customer, debit spending per category (any window the caller chooses)
 * @param social       per customer, named social-signal features with weights (may be empty)
 */
public record RecommendationData(List<Customer> customers, List<Product> products, List<Interaction> interactions,
                                 List<LifeEvent> lifeEvents, Map<String, Map<String, Double>> spending,
                                 Map<String, Map<String, Double>> social) {
    public RecommendationData {
        customers = List.copyOf(customers);
        products = List.copyOf(products);
        interactions = List.copyOf(interactions);
        lifeEvents = List.copyOf(lifeEvents);
        spending = Map.copyOf(Objects.requireNonNull(spending, "spending"));
        social = Map.copyOf(Objects.requireNonNull(social, "social"));
        if (products.isEmpty()) throw new IllegalArgumentException("products: the catalogue is empty");
    }

    /** The same data without anything that happened at or after {@code cutoff} (interactions and life events). */
    public RecommendationData before(Instant cutoff) {
        List<Interaction> in = new ArrayList<>();
        for (Interaction i : interactions) if (i.time().isBefore(cutoff)) in.add(i);
        List<LifeEvent> ev = new ArrayList<>();
        java.time.LocalDate day = cutoff.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        for (LifeEvent e : lifeEvents) if (e.date().isBefore(day)) ev.add(e);
        return new RecommendationData(customers, products, in, ev, spending, social);
    }

    /**
     * The same data with other spending and social-signal features (e.g. computed only from what was known before a
     * time split's cutoff).
     */
    public RecommendationData withSignals(Map<String, Map<String, Double>> newSpending,
                                          Map<String, Map<String, Double>> newSocial) {
        return new RecommendationData(customers, products, interactions, lifeEvents, newSpending, newSocial);
    }

    /** The latest interaction time, or the epoch when there are none. */
    public Instant latest() {
        Instant t = Instant.EPOCH;
        for (Interaction i : interactions) if (i.time().isAfter(t)) t = i.time();
        return t;
    }

    /**
     * The products each customer holds: opened and not closed since, in order of opening (customers holding nothing
     * are absent).
     */
    public Map<String, Set<String>> holdings() {
        List<Interaction> sorted = new ArrayList<>(interactions);
        sorted.sort((a, b) -> a.time().compareTo(b.time()));
        Map<String, Set<String>> held = new HashMap<>();
        for (Interaction i : sorted) {
            if (i.kind() == InteractionKind.OPENED) held.computeIfAbsent(i.customerId(), k -> new LinkedHashSet<>()).add(i.productId());
            else if (i.kind() == InteractionKind.CLOSED) {
                Set<String> s = held.get(i.customerId());
                if (s != null) s.remove(i.productId());
            }
        }
        Map<String, Set<String>> out = new HashMap<>();
        held.forEach((c, s) -> {
            if (!s.isEmpty()) out.put(c, Collections.unmodifiableSet(s));
        });
        return out;
    }

    /** Customers by id. */
    public Map<String, Customer> customersById() {
        Map<String, Customer> m = new LinkedHashMap<>();
        for (Customer c : customers) m.put(c.id(), c);
        return m;
    }

    /** Products by id. */
    public Map<String, Product> productsById() {
        Map<String, Product> m = new LinkedHashMap<>();
        for (Product p : products) m.put(p.id(), p);
        return m;
    }
}
