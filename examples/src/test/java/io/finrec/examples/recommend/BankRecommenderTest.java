package io.finrec.examples.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finrec.api.progress.ProgressListener;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Eligibility;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.InteractionKind;
import io.finrec.core.domain.LifeEvent;
import io.finrec.core.domain.LifeEventKind;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.ProductType;
import io.finrec.core.domain.RiskProfile;
import io.finrec.core.domain.Segment;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A constructed bank: 40 families hold checking and a family card, 30 small businesses hold checking and a business
 * loan (families are not eligible for it). A new family customer who holds only checking must be recommended the
 * family card first, never the business loan, never checking.
 */
class BankRecommenderTest {
    static final Instant T0 = Instant.parse("2024-01-10T00:00:00Z");
    static final Product CHECKING = product("P-CHK", "Checking", ProductType.CURRENT_ACCOUNT, Eligibility.ANY_ADULT);
    static final Product CARD = product("P-CARD", "Family Card", ProductType.CREDIT_CARD, Eligibility.ANY_ADULT);
    static final Product SAVER = product("P-SAVE", "Kids Saver", ProductType.SAVINGS_ACCOUNT, Eligibility.ANY_ADULT);
    static final Product BIZ = product("P-BIZ", "Business Loan", ProductType.PERSONAL_LOAN,
            new Eligibility(18, 120, BigDecimal.ZERO, 1, Set.of(Segment.SMALL_BUSINESS)));
    static RecommendationData data;
    static BankRecommender rec;

    static Product product(String id, String name, ProductType t, Eligibility e) {
        return new Product(id, name, t, 2, e, name);
    }

    static Customer customer(String id, Segment s, int age) {
        return new Customer(id, age, new BigDecimal("70000"), s, RiskProfile.BALANCED, "TX");
    }

    static void opened(List<Interaction> in, String c, String p, int day) {
        in.add(new Interaction(c, p, InteractionKind.OPENED, 1, T0.plusSeconds(86_400L * day)));
    }

    @BeforeAll
    static void train() {
        List<Customer> customers = new ArrayList<>();
        List<Interaction> in = new ArrayList<>();
        List<LifeEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = String.format("F%03d", i);
            customers.add(customer(id, Segment.FAMILY, 30 + i % 20));
            opened(in, id, "P-CHK", i);
            opened(in, id, "P-CARD", i + 1);
            if (i % 4 == 0) {
                opened(in, id, "P-SAVE", i + 2);
                events.add(new LifeEvent(id, LifeEventKind.BABY, LocalDate.of(2024, 1, 5)));
            }
        }
        for (int i = 0; i < 30; i++) {
            String id = String.format("B%03d", i);
            customers.add(customer(id, Segment.SMALL_BUSINESS, 35 + i % 20));
            opened(in, id, "P-CHK", i);
            opened(in, id, "P-BIZ", i + 1);
        }
        customers.add(customer("NEW", Segment.FAMILY, 41));
        opened(in, "NEW", "P-CHK", 3);
        customers.add(customer("COLD", Segment.FAMILY, 35));                  // no interactions at all
        data = new RecommendationData(customers, List.of(CHECKING, CARD, SAVER, BIZ), in, events,
                Map.of("NEW", Map.of("groceries", 400.0, "dining", 100.0)), Map.of());
        rec = new BankRecommenderTrainer(BankRecommenderTrainer.Config.defaults(7)).train(data, ProgressListener.NONE);
    }

    @Test
    void theConstructedFamilyGetsTheFamilyCardFirstAndNothingItCannotHave() {
        List<ProductRecommendation> top = rec.recommend("NEW", 3);
        assertEquals("P-CARD", top.get(0).productId(), top.toString());
        assertEquals("Family Card", top.get(0).productName());
        assertEquals(List.of("P-CARD", "P-SAVE"), top.stream().map(ProductRecommendation::productId).toList(),
                "checking is held and the business loan is for small businesses only");
        assertTrue(top.get(0).reasons().stream().anyMatch(r -> r.startsWith("held by ") && r.contains("most similar customers")),
                top.get(0).reasons().toString());
        List<ProductRecommendation> cf = rec.recommendUserCf("NEW", 5);
        assertEquals("P-CARD", cf.get(0).productId());
        assertFalse(cf.stream().anyMatch(r -> r.productId().equals("P-BIZ") || r.productId().equals("P-CHK")));
    }

    @Test
    void aCustomerWithoutHistoryIsServedFromFeatures() {
        List<ProductRecommendation> cold = rec.recommend("COLD", 2);
        assertEquals(Set.of("P-CHK", "P-CARD"), Set.copyOf(cold.stream().map(ProductRecommendation::productId).toList()),
                "what families hold: " + cold);
        assertFalse(cold.stream().anyMatch(r -> r.productId().equals("P-BIZ")));
    }

    @Test
    void unknownCustomersAreErrorsNamingTheId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rec.recommend("GHOST", 3));
        assertTrue(e.getMessage().contains("'GHOST'"), e.getMessage());
    }

    @Test
    void savedModelsLoadAndRankTheSame(@TempDir Path tmp) throws Exception {
        rec.save(tmp);
        BankRecommender back = BankRecommender.load(tmp, data);
        for (String c : List.of("NEW", "COLD", "F001", "B002")) assertEquals(rec.rank(c, 4), back.rank(c, 4), c);
        java.nio.file.Files.write(tmp.resolve("bank-hybrid.frec"), new byte[] {1, 2, 3});
        assertThrows(io.finrec.api.model.ModelFormatException.class, () -> BankRecommender.load(tmp, data));
    }

    @Test
    void concurrentRequestsAgreeWithSequentialOnes() throws Exception {
        List<String> ids = data.customers().stream().map(Customer::id).toList();
        Map<String, List<ProductRecommendation>> expected = new java.util.HashMap<>();
        for (String id : ids) expected.put(id, rec.recommend(id, 3));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++)
                fs.add(pool.submit(() -> {
                    for (String id : ids) if (!rec.recommend(id, 3).equals(expected.get(id))) return false;
                    return true;
                }));
            for (Future<Boolean> f : fs) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
