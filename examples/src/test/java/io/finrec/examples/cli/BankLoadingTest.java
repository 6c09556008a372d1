package io.finrec.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankData;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BankLoadingTest {
    private static final BankConfig CFG = BankConfig.defaults().withCustomers(30);

    @Test
    void backgroundGenerationDeliversTheSameRecordsInTheSameOrder() throws Exception {
        BankData.Collector c = BankData.collector();
        BankLoading.generateInBackground(CFG, c);
        assertEquals(BuiltInBank.generate(CFG), c.build());
    }

    @Test
    void aFailingConsumerStopsTheGeneratorAndTheErrorSurfaces() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            int[] n = {0};
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> BankLoading.generateInBackground(CFG.withCustomers(2_000), (table, record) -> {
                        if (++n[0] == 5_000) throw new IllegalStateException("disk full");
                    }));
            assertEquals("disk full", e.getMessage());
            assertEquals(5_000, n[0]);
        });
    }
}
