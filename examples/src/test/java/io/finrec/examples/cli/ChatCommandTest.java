package io.finrec.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finrec.examples.store.BankStore;
import io.finrec.nlp.speech.PocketSphinxTranscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatCommandTest {
    @TempDir
    static Path dir;
    private static String db;
    private static String cache;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void smallBank() {
        System.setProperty("finrec.progress", "none");
        db = dir.resolve("bank.db").toString();
        cache = dir.resolve("kb.frec").toString();
        assertEquals(0, CliTest.run("data", "load", "--db", db, "--replace", "--customers", "12").code());
    }

    private static CliTest.Run chat(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "chat";
        all[1] = "--db";
        all[2] = db;
        all[3] = "--cache";
        all[4] = cache;
        System.arraycopy(args, 0, all, 5, args.length);
        return CliTest.run(all);
    }

    @Test
    void answersAMessageWithEligibleProductsTheCustomerDoesNotHold() throws Exception {
        Set<String> held = new HashSet<>();
        try (BankStore store = BankStore.open(Path.of(db))) {
            store.holdings("C000001").forEach(p -> held.add(p.id()));
        }
        CliTest.Run r = chat("--customer", "C000001", "--json", "--top", "5", "I want to borrow money to buy a new car");
        assertEquals(0, r.code(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals("C000001", o.get("customer").asText());
        assertTrue(o.get("reply").asText().startsWith("To borrow"), o.get("reply").asText());
        assertEquals("BORROW", o.get("intents").get(0).asText());
        assertEquals(5, o.get("products").size());
        boolean carLoan = false;
        for (JsonNode p : o.get("products")) {
            assertTrue(!held.contains(p.get("id").asText()), "held product recommended: " + p);
            assertTrue(p.get("passages").size() >= 1);
            carLoan |= p.get("id").asText().startsWith("P-CL");
        }
        assertTrue(carLoan, r.out());
        assertTrue(Files.exists(Path.of(cache)), "knowledge-base vectors cached");
        CliTest.Run text = chat("--customer", "C000001", "What are the fees on a travel card?");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("bank> ") && text.out().contains("  1. "), text.out());
    }

    @Test
    void aDeclinedCardGetsTheSupportPathAndNoUpsell() throws Exception {
        // the demo's message: the bank app once answered it with a Platinum Credit Card and a Debt Consolidation Loan
        CliTest.Run r = chat("--customer", "C000001", "--json", "my card got declined again at the airport, this is ridiculous");
        assertEquals(0, r.code(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals("CARD_DECLINED", o.get("support").get(0).asText(), r.out());
        assertEquals(0, o.get("products").size(), r.out());
        assertTrue(o.get("reply").asText().contains("declined"), r.out());
    }

    @Test
    void badInputGivesClearErrors() {
        CliTest.Run unknown = chat("--customer", "NOBODY", "save money");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("unknown customer 'NOBODY'"), unknown.err());
        CliTest.Run empty = chat("--customer", "C000001", "  ");
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("message: must not be blank"), empty.err());
        CliTest.Run huge = chat("--customer", "C000001", "a".repeat(100_000));
        assertEquals(1, huge.code());
        assertTrue(huge.err().contains("above the limit"), huge.err());
        assertEquals(2, chat("save money").code(), "--customer is required");
        CliTest.Run notAudio = chat("--customer", "C000001", "--audio", db);
        assertEquals(1, notAudio.code());
    }

    @Test
    void evaluationReportsHitAt3() throws Exception {
        CliTest.Run r = chat("--eval", "--min-hit-at-3", "0.9", "--min-mrr", "0.8");
        assertEquals(0, r.code(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals(74, o.get("messages").asInt());
        assertTrue(o.get("hitAt3").asDouble() >= 0.9, r.out());
    }

    @Test
    void answersAVoiceMessage() throws Exception {
        PocketSphinxTranscriber ps = PocketSphinxTranscriber.create();
        Assumptions.assumeTrue(ps.unavailableReason().isEmpty(), () -> "skipped: " + ps.unavailableReason().orElse(""));
        Path wav = dir.resolve("msg.wav");
        try (var in = getClass().getResourceAsStream("/io/finrec/examples/cli/save-for-college.wav")) {
            Assumptions.assumeTrue(in != null, "test WAV missing");
            Files.copy(in, wav);
        }
        CliTest.Run r = chat("--customer", "C000002", "--audio", wav.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("heard") && r.err().contains("save money"), r.err());
        assertTrue(r.out().startsWith("bank> To save"), r.out());
    }
}
