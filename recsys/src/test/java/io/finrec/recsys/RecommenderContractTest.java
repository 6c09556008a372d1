package io.finrec.recsys;

import static org.junit.jupiter.api.Assertions.*;

import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.RecommendQuery;
import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Recommender;
import io.finrec.api.recommend.UnknownIdException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract every {@link Recommender} in this module must honour; one subclass per implementation. */
public abstract class RecommenderContractTest {
    protected static final int USERS = 20;
    protected static final int ITEMS_PER_GROUP = 8;

    /** Trains the implementation on {@code data}. */
    protected abstract Recommender train(Interactions data);

    protected Recommender model() {
        return train(TestData.blocks(USERS, ITEMS_PER_GROUP, true));
    }

    @Test
    void unknownUserAndItemRaiseTypedErrors() {
        Recommender m = model();
        UnknownIdException e = assertThrows(UnknownIdException.class, () -> m.recommend("nobody", RecommendQuery.top(3)));
        assertEquals(UnknownIdException.Kind.USER, e.kind());
        assertEquals("nobody", e.id());
        assertThrows(UnknownIdException.class, () -> m.score("u0", "no-item"));
        assertThrows(UnknownIdException.class, () -> m.score("nobody", "a0"));
        assertFalse(m.knowsUser("nobody"));
        assertTrue(m.knowsUser("u0"));
        assertTrue(m.knowsItem("b7"));
    }

    @Test
    void excludesKnownItemsByDefaultAndReturnsKBestFirst() {
        Recommender m = model();
        List<RecommendedItem> recs = m.recommend("u0", RecommendQuery.top(5));
        assertEquals(5, recs.size());
        for (int i = 1; i < recs.size(); i++) assertTrue(recs.get(i - 1).score() >= recs.get(i).score());
        for (RecommendedItem r : recs) assertFalse(r.itemId().startsWith("a") && !r.itemId().equals("a0"),
                "u0 already has every a-item but a0: " + recs);
        List<RecommendedItem> withKnown = m.recommend("u0", RecommendQuery.top(16).withExcludeKnown(false));
        assertEquals(16, withKnown.size());
    }

    @Test
    void heldOutItemComesFirst() {
        Recommender m = model();
        for (int u = 0; u < USERS; u++) {
            String expected = (u < USERS / 2 ? "a" : "b") + (u % ITEMS_PER_GROUP);
            assertEquals(expected, m.recommend("u" + u, RecommendQuery.top(1)).get(0).itemId(), "user u" + u);
        }
    }

    @Test
    void filterCandidatesAndExclusionsApplyInTheCall() {
        Recommender m = model();
        List<RecommendedItem> onlyB = m.recommend("u0", RecommendQuery.top(3).withFilter(id -> id.startsWith("b")));
        assertEquals(3, onlyB.size(), "k eligible items come back whenever k exist");
        onlyB.forEach(r -> assertTrue(r.itemId().startsWith("b")));
        List<RecommendedItem> cand = m.recommend("u0", RecommendQuery.top(5).withCandidates(Set.of("b1", "b2")));
        assertEquals(Set.of("b1", "b2"), Set.of(cand.get(0).itemId(), cand.get(1).itemId()));
        assertEquals(2, cand.size());
        List<RecommendedItem> ex = m.recommend("u0", RecommendQuery.top(1).withExclude(Set.of("a0")));
        assertNotEquals("a0", ex.get(0).itemId());
        assertThrows(UnknownIdException.class,
                () -> m.recommend("u0", RecommendQuery.top(2).withCandidates(Set.of("zzz"))));
    }

    @Test
    void scoreAllItemsMatchesScore() {
        Recommender m = model();
        float[] all = new float[m.itemIds().size()];
        m.scoreAllItems("u3", all);
        for (int i = 0; i < all.length; i++)
            assertEquals(all[i], m.score("u3", m.itemIds().get(i)), 1e-6, m.itemIds().get(i));
        assertThrows(IllegalArgumentException.class, () -> m.scoreAllItems("u3", new float[1]));
    }

    @Test
    void saveLoadKeepsRecommendations(@TempDir Path dir) throws Exception {
        Recommender m = model();
        Path f = dir.resolve("model.frec");
        m.save(f);
        Recommender back = RecommenderFiles.load(f);
        assertEquals(m.getClass(), back.getClass());
        for (int u = 0; u < USERS; u++)
            assertEquals(m.recommend("u" + u, RecommendQuery.top(4)), back.recommend("u" + u, RecommendQuery.top(4)));
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length / 2] ^= 0x5a;
        Path bad = dir.resolve("tampered.frec");
        Files.write(bad, bytes);
        assertThrows(io.finrec.api.model.ModelFormatException.class, () -> RecommenderFiles.load(bad));
        Path cut = dir.resolve("truncated.frec");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(f), bytes.length - 9));
        assertThrows(io.finrec.api.model.ModelFormatException.class, () -> RecommenderFiles.load(cut));
    }

    @Test
    void concurrentRecommendationsAgreeWithSequentialOnes() throws Exception {
        Recommender m = model();
        Map<String, List<RecommendedItem>> expected = new ConcurrentHashMap<>();
        for (String u : m.userIds()) expected.put(u, m.recommend(u, RecommendQuery.top(3)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++)
                fs.add(pool.submit(() -> {
                    for (int rep = 0; rep < 20; rep++)
                        for (String u : m.userIds())
                            if (!expected.get(u).equals(m.recommend(u, RecommendQuery.top(3)))) return false;
                    return true;
                }));
            for (Future<Boolean> f : fs) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
        Map<String, List<RecommendedItem>> all = new ConcurrentHashMap<>();
        m.recommendAll(RecommendQuery.top(3), 3, all::put);
        assertEquals(expected, all);
    }

    @Test
    void reportsMemory() {
        Recommender m = model();
        assertTrue(m.ramBytesUsed() > 4L * m.itemIds().size(), "ramBytesUsed " + m.ramBytesUsed());
    }
}
