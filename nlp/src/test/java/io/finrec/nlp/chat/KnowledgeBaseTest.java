package io.finrec.nlp.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.embedding.TextEmbedder;
import io.finrec.api.model.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {
    /** A deterministic stand-in embedder that counts the texts it embeds. */
    static final class CountingEmbedder implements TextEmbedder {
        final AtomicInteger embedded = new AtomicInteger();
        final String id;

        CountingEmbedder(String id) {
            this.id = id;
        }

        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public String modelId() {
            return id;
        }

        @Override
        public float[] embed(String text) {
            embedded.incrementAndGet();
            Random r = new Random(text.hashCode());
            float[] v = new float[8];
            double n = 0;
            for (int i = 0; i < 8; i++) {
                v[i] = (float) r.nextGaussian();
                n += v[i] * v[i];
            }
            for (int i = 0; i < 8; i++) v[i] /= (float) Math.sqrt(n);
            return v;
        }

        @Override
        public void close() {}
    }

    @Test
    void passagesCoverEveryProduct() {
        List<Passage> ps = ProductPassages.forCatalogue(TestBank.PRODUCTS);
        assertEquals(4 * TestBank.PRODUCTS.size(), ps.size());
        assertEquals("T-SAV#overview", ps.get(0).id());
        assertTrue(ps.get(0).text().startsWith("Easy Saver: An instant-access"));
        assertTrue(ps.get(1).text().startsWith("Easy Saver suits"), ps.get(1).text()); // family template
    }

    @Test
    void vectorsAreCachedByContentAndReembeddedOnlyWhenTextChanges(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("kb.frec");
        List<Passage> passages = new ArrayList<>(ProductPassages.forCatalogue(TestBank.PRODUCTS));
        CountingEmbedder e = new CountingEmbedder("fake-1");
        KnowledgeBase first = KnowledgeBase.build(TestBank.PRODUCTS, passages, e, Optional.of(cache));
        assertEquals(passages.size(), first.embeddedCount());
        assertTrue(Files.exists(cache));
        assertEquals(KnowledgeBase.KIND, ModelFile.readHeader(cache).kind());
        long written = Files.getLastModifiedTime(cache).toMillis();

        KnowledgeBase again = KnowledgeBase.build(TestBank.PRODUCTS, passages, e, Optional.of(cache));
        assertEquals(0, again.embeddedCount());
        assertEquals(passages.size(), e.embedded.get());
        assertArrayEquals(first.vector("T-FX#fees").orElseThrow(), again.vector("T-FX#fees").orElseThrow());
        assertEquals(written, Files.getLastModifiedTime(cache).toMillis(), "unchanged cache is not rewritten");

        passages.set(3, new Passage(passages.get(3).id(), "T-SAV", PassageKind.RISKS, "Changed risk text."));
        assertEquals(1, KnowledgeBase.build(TestBank.PRODUCTS, passages, e, Optional.of(cache)).embeddedCount());
        assertEquals(0, KnowledgeBase.build(TestBank.PRODUCTS, passages, e, Optional.of(cache)).embeddedCount());

        CountingEmbedder other = new CountingEmbedder("fake-2");
        assertEquals(passages.size(), KnowledgeBase.build(TestBank.PRODUCTS, passages, other, Optional.of(cache))
                .embeddedCount(), "another model re-embeds everything");
    }

    @Test
    void aDamagedCacheIsRebuilt(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("kb.frec");
        CountingEmbedder e = new CountingEmbedder("fake-1");
        KnowledgeBase.build(TestBank.PRODUCTS, e, Optional.of(cache));
        byte[] bytes = Files.readAllBytes(cache);
        bytes[bytes.length / 2] ^= 0x55; // tamper: checksum no longer matches
        Files.write(cache, bytes);
        KnowledgeBase kb = KnowledgeBase.build(TestBank.PRODUCTS, e, Optional.of(cache));
        assertEquals(kb.passages().size(), kb.embeddedCount());
        Files.write(cache, java.util.Arrays.copyOf(bytes, 40)); // truncated
        assertEquals(kb.passages().size(), KnowledgeBase.build(TestBank.PRODUCTS, e, Optional.of(cache)).embeddedCount());
        assertEquals(0, KnowledgeBase.build(TestBank.PRODUCTS, e, Optional.of(cache)).embeddedCount(), "repaired");
    }

    @Test
    void inconsistentInputIsRejectedWithTheRow() {
        CountingEmbedder e = new CountingEmbedder("fake");
        List<Passage> ps = new ArrayList<>(ProductPassages.forCatalogue(TestBank.PRODUCTS));
        ps.add(new Passage("X#1", "NOPE", PassageKind.FAQ, "text"));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> KnowledgeBase.build(TestBank.PRODUCTS, ps, e, Optional.empty()));
        assertTrue(ex.getMessage().contains("unknown product 'NOPE'") && ex.getMessage().contains("passages[28]"),
                ex.getMessage());
        List<Passage> dup = new ArrayList<>(ProductPassages.forCatalogue(TestBank.PRODUCTS));
        dup.add(dup.get(0));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> KnowledgeBase.build(TestBank.PRODUCTS, dup, e, Optional.empty())).getMessage().contains("duplicate"));
        List<Passage> missing = ProductPassages.forCatalogue(TestBank.PRODUCTS).subList(4, 28);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> KnowledgeBase.build(TestBank.PRODUCTS, missing, e, Optional.empty())).getMessage()
                .contains("'T-SAV' has no passage"));
    }
}
