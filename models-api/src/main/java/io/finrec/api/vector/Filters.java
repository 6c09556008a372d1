package io.finrec.api.vector;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The {@link VectorFilter} implementations behind its factories. Immutable and thread-safe. */
final class Filters {
    private Filters() {}

    record Allow(Set<String> ids) implements VectorFilter {
        @Override
        public boolean accept(String id) {
            return ids.contains(id);
        }

        @Override
        public Optional<Set<String>> allowedIds() {
            return Optional.of(ids);
        }
    }

    record Deny(Set<String> ids) implements VectorFilter {
        @Override
        public boolean accept(String id) {
            return !ids.contains(id);
        }

        @Override
        public Optional<Set<String>> deniedIds() {
            return Optional.of(ids);
        }
    }

    record Where(Predicate<String> predicate) implements VectorFilter {
        @Override
        public boolean accept(String id) {
            return predicate.test(id);
        }
    }

    record And(VectorFilter a, VectorFilter b) implements VectorFilter {
        @Override
        public boolean accept(String id) {
            return a.accept(id) && b.accept(id);
        }

        @Override
        public Optional<Set<String>> allowedIds() {
            Optional<Set<String>> x = a.allowedIds();
            Optional<Set<String>> y = b.allowedIds();
            if (x.isPresent() && y.isPresent()) {
                Set<String> small = x.get().size() <= y.get().size() ? x.get() : y.get();
                Set<String> large = small == x.get() ? y.get() : x.get();
                Set<String> both = new HashSet<>();
                for (String id : small) if (large.contains(id)) both.add(id);
                return Optional.of(both);
            }
            return x.isPresent() ? x : y;
        }

        @Override
        public Optional<Set<String>> deniedIds() {
            Optional<Set<String>> x = a.deniedIds();
            Optional<Set<String>> y = b.deniedIds();
            if (x.isEmpty() || y.isEmpty()) return Optional.empty();
            Set<String> either = new HashSet<>(x.get());
            either.addAll(y.get());
            return Optional.of(either);
        }
    }
}
