package io.finrec.api.recommend;

/**
 * Business rule deciding which items may be recommended (eligibility, stock, compliance). Applied inside the
 * ranking loop, so {@code k} eligible items come back whenever {@code k} exist. Must be thread-safe and side-effect
 * free.
 */
@FunctionalInterface
public interface ItemFilter {
    /** Accepts every item. */
    ItemFilter ALL = item -> true;

    /** Whether the item may be recommended. */
    boolean accept(String itemId);

    /** Both filters must accept. */
    default ItemFilter and(ItemFilter other) {
        return item -> accept(item) && other.accept(item);
    }
}
