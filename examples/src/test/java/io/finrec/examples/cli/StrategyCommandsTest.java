package io.finrec.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StrategyCommandsTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        CommandLine cl = FinrecCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Five assets, 400 days, a gap before asset E lists, seeded. */
    static Path prices(Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder("date,A,B,C,D,E\n");
        double[] p = {10, 20, 30, 40, 50};
        LocalDate d = LocalDate.of(2020, 1, 1);
        for (int t = 0; t < 400; t++) {
            sb.append(d.plusDays(t));
            double m = r.nextGaussian() * 0.01;
            for (int a = 0; a < 5; a++) {
                p[a] *= Math.exp(0.0004 + 0.0001 * a + (0.4 + 0.1 * a) * m + 0.01 * r.nextGaussian());
                sb.append(',');
                if (!(a == 4 && t < 50)) sb.append(p[a]);
            }
            sb.append('\n');
        }
        Path f = dir.resolve("prices.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void allocatePrintsWeightsFiguresOutOfSampleAndAudit(@TempDir Path dir) throws Exception {
        Path csv = prices(dir);
        Result r = run("allocate", "--prices", csv.toString(), "--method", "max-sharpe", "--cov", "ledoit-wolf",
                "--train-fraction", "0.8", "--complete-rows");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        double sum = 0;
        for (Map.Entry<String, JsonNode> e : j.get("weights").properties()) sum += e.getValue().asDouble();
        assertEquals(1, sum, 1e-9);
        assertEquals(5, j.get("weights").size());
        assertTrue(j.get("volatility").asDouble() > 0);
        assertEquals("2020-02-20", j.get("window").get("start").asText()); // first complete row (asset E lists on day 51)
        assertTrue(j.get("outOfSample").get("returns").asInt() > 60);
        assertTrue(j.get("audit").get("solver").get("kktResiduals").get("stationarity").asDouble() < 1e-9);
        assertEquals(64, j.get("audit").get("inputHash").asText().length());
    }

    @Test
    void allocateReconcilesAndFailsOnMismatch(@TempDir Path dir) throws Exception {
        Path csv = prices(dir);
        Result first = run("allocate", "--prices", csv.toString(), "--method", "hrp");
        assertEquals(0, first.code(), first.err());
        JsonNode w = new ObjectMapper().readTree(first.out()).get("weights");
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "{\"weights\": " + w + "}");
        assertEquals(0, run("allocate", "--prices", csv.toString(), "--method", "hrp", "--reconcile", ok.toString()).code());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"weights\": {\"A\": 0.9}, \"tolerance\": 1e-4}");
        Result r = run("allocate", "--prices", csv.toString(), "--method", "hrp", "--reconcile", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("weights.A"), r.err());
    }

    @Test
    void allocateExplainsRefusals(@TempDir Path dir) throws Exception {
        Path csv = prices(dir);
        Result r = run("allocate", "--prices", csv.toString(), "--method", "efficient-risk", "--target-vol", "0.001");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("TARGET_VOLATILITY_TOO_LOW") && r.err().contains("what to do"), r.err());
        r = run("allocate", "--prices", csv.toString(), "--method", "nonsense");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("method"), r.err());
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "date,A\n2020-01-01,1\n2020-01-02,x\n");
        r = run("allocate", "--prices", broken.toString(), "--method", "hrp");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("row 2") && r.err().contains("field 'A'"), r.err());
    }

    @Test
    void adviseExplainsARegimeAwareAllocationForABuiltInCustomer() throws Exception {
        Result r = run("advise", "--customer", "C000003", "--customers", "20", "--holdings", "STOCKS=5000,BONDS=5000");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("C000003", j.get("customer").asText());
        double sum = 0;
        for (Map.Entry<String, JsonNode> e : j.get("weights").properties()) sum += e.getValue().asDouble();
        assertEquals(1, sum, 1e-9);
        assertTrue(j.get("volatility").asDouble() <= j.get("profile").get("volatilityCeiling").asDouble() + 1e-9);
        assertTrue(j.has("rebalancing"));
        assertTrue(j.get("explanation").toString().contains("Regime:"));
        Result text = run("advise", "--customer", "C000003", "--customers", "20", "--format", "text");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("Profile:"), text.out());
        Result missingDb = run("advise", "--customer", "C000003", "--db", "/nonexistent/finrec.db");
        assertEquals(2, missingDb.code());
        Result unknown = run("advise", "--customer", "C999999", "--customers", "20");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown customer"), unknown.err());
    }

    @Test
    void adviseReadsTheSqliteStoreAndAgreesWithTheGenerator(@TempDir Path dir) throws Exception {
        String db = dir.resolve("bank.db").toString();
        assertEquals(0, run("data", "load", "--db", db, "--customers", "10").code());
        Result fromDb = run("advise", "--customer", "C000005", "--db", db);
        assertEquals(0, fromDb.code(), fromDb.err());
        Result generated = run("advise", "--customer", "C000005", "--customers", "10");
        ObjectMapper m = new ObjectMapper();
        assertEquals(m.readTree(generated.out()).get("weights"), m.readTree(fromDb.out()).get("weights"));
        assertEquals(m.readTree(generated.out()).get("audit").get("inputHash"), m.readTree(fromDb.out()).get("audit").get("inputHash"));
    }
}
