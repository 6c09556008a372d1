package io.finrec.recsys;

import io.finrec.api.recommend.Interactions;

/** Small deterministic data sets shared by the tests. */
public final class TestData {
    private TestData() {}

    /**
     * Two taste groups: users u0..u{n/2-1} like items a0..a{m-1}, the others like b0..b{m-1}; every user interacts
     * with every item of their group except item index (user % m) when {@code holdOne}.
     */
    public static Interactions blocks(int users, int itemsPerGroup, boolean holdOne) {
        Interactions.Builder b = Interactions.builder();
        for (int u = 0; u < users; u++) b.user("u" + u);
        for (int i = 0; i < itemsPerGroup; i++) b.item("a" + i);
        for (int i = 0; i < itemsPerGroup; i++) b.item("b" + i);
        for (int u = 0; u < users; u++) {
            String g = u < users / 2 ? "a" : "b";
            for (int i = 0; i < itemsPerGroup; i++) {
                if (holdOne && i == u % itemsPerGroup) continue;
                b.add("u" + u, g + i, 1.0, 1.0, 1000L * u + i);
            }
        }
        return b.build();
    }

    /** The held-out pairs of {@link #blocks} with {@code holdOne}. */
    public static Interactions heldOut(int users, int itemsPerGroup) {
        Interactions.Builder b = Interactions.builder();
        for (int u = 0; u < users; u++) b.user("u" + u);
        for (int i = 0; i < itemsPerGroup; i++) b.item("a" + i);
        for (int i = 0; i < itemsPerGroup; i++) b.item("b" + i);
        for (int u = 0; u < users; u++) b.add("u" + u, (u < users / 2 ? "a" : "b") + (u % itemsPerGroup));
        return b.build();
    }
}
