package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.api.allocation.Allocation;
import io.finrec.api.allocation.PriceTable;
import io.finrec.core.builtin.BankConfig;
import io.finrec.core.builtin.BuiltInBank;
import io.finrec.core.dataset.BankSink;
import io.finrec.core.dataset.BankTable;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.RiskProfile;
import io.finrec.strategy.bank.Advice;
import io.finrec.strategy.bank.AdvisoryAllocator;
import io.finrec.strategy.bank.AssetClassPrices;
import io.finrec.strategy.bank.RebalanceAdvisor;
import io.finrec.strategy.bank.RegimeDetector;
import io.finrec.strategy.bank.RiskQuestionnaire;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code finrec advise --customer ID}: the profile-bounded, regime-aware allocation for a customer of the built-in
 * bank (its risk profile, the bank's monthly STOCKS/BONDS/REAL_ESTATE/CASH series), with rebalancing advice for
 * {@code --holdings} and the explanation. Prints one JSON object, or the explanation with {@code --format text}.
 */
@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Profile-bounded, regime-aware allocation with its explanation for a customer of the built-in bank.",
                "Prints one JSON object (or the explanation with --format text)."})
public final class AdviseCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--customer", required = true, paramLabel = "ID", description = "Customer id, e.g. C000042.")
    String customer;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Read the customer and the market series from this SQLite store (see `finrec data load`)"
                    + " instead of generating the built-in bank.")
    java.nio.file.Path db;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the built-in bank (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--customers", defaultValue = "2000", description = "Customers in the built-in bank (default ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--answers", paramLabel = "horizon=Y,income=1-5,loss=1-5,experience=1-5,liquidity=1-5",
            description = "Questionnaire answers; the profile is then scored from them (with the customer's age) instead of read from the bank.")
    String answers;

    @Option(names = "--holdings", paramLabel = "CLASS=AMOUNT,...",
            description = "Current holdings per asset class, e.g. STOCKS=8000,BONDS=1500,CASH=500, for rebalancing advice.")
    String holdings;

    @Option(names = "--rf", defaultValue = "0.02", description = "Annual risk-free rate (default ${DEFAULT-VALUE}).")
    double rf;

    @Option(names = "--format", defaultValue = "json", description = "json or text (default ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        BankConfig config = BankConfig.defaults().withSeed(seed).withCustomers(customers);
        Customer c;
        PriceTable prices;
        if (db != null) {
            if (!java.nio.file.Files.isRegularFile(db))
                throw new CommandLine.ParameterException(spec.commandLine(), "--db: " + db + " does not exist (create it with `finrec data load`)");
            try (io.finrec.examples.store.BankStore store = io.finrec.examples.store.BankStore.open(db)) {
                c = AppCommands.requireCustomer(spec, store, customer);
                prices = AssetClassPrices.fromPoints(store.prices());
            }
        } else {
            c = findCustomer(config, customer);
            prices = AssetClassPrices.fromPoints(BuiltInBank.prices(config));
        }
        Optional<RiskQuestionnaire.Scored> scored = Optional.empty();
        RiskProfile profile = c.riskProfile();
        if (answers != null) {
            Map<String, Integer> a = parseInts(answers, "--answers");
            try {
                scored = Optional.of(new RiskQuestionnaire(Math.max(18, c.age()), need(a, "horizon"), need(a, "income"),
                        need(a, "loss"), need(a, "experience"), need(a, "liquidity")).score());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--answers: " + e.getMessage(), e);
            }
            profile = scored.get().profile();
        }
        Map<String, Double> held = holdings == null ? Map.of() : parseAmounts(holdings);
        Advice advice = new AdvisoryAllocator().advise(c.id(), profile, scored, prices, rf, held);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("text")) {
            out.println(advice.explanationText());
        } else if (format.equalsIgnoreCase("json")) {
            out.println(toJson(c, advice));
        } else {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: expected json or text, was " + format);
        }
        out.flush();
        return 0;
    }

    private int need(Map<String, Integer> a, String key) {
        Integer v = a.get(key);
        if (v == null) throw new CommandLine.ParameterException(spec.commandLine(), "--answers: missing '" + key + "'");
        return v;
    }

    /** Streams the built-in bank until the customer appears (customers are generated in id order). */
    private Customer findCustomer(BankConfig config, String id) throws IOException {
        final class Found extends RuntimeException {
            private static final long serialVersionUID = 1L;
            final transient Customer customer;

            Found(Customer c) {
                super(null, null, false, false);
                this.customer = c;
            }
        }
        try {
            BuiltInBank.generate(config.withCustomers(Math.min(customers, indexOf(id) + 1)), new BankSink() {
                @Override
                public void accept(BankTable table, Object record) {
                    if (record instanceof Customer cu && cu.id().equals(id)) throw new Found(cu);
                }
            });
        } catch (Found f) {
            return f.customer;
        }
        throw unknownCustomer(id);
    }

    private CommandLine.ParameterException unknownCustomer(String id) {
        return new CommandLine.ParameterException(spec.commandLine(), "--customer: unknown customer id '" + id
                + "' (the built-in bank has " + customers + " customers, C000001 to C" + String.format(Locale.ROOT, "%06d", customers) + ")");
    }

    private int indexOf(String id) {
        if (id.matches("C\\d{6}")) {
            int n = Integer.parseInt(id.substring(1));
            if (n >= 1 && n <= customers) return n - 1;
        }
        throw unknownCustomer(id);
    }

    private Map<String, Integer> parseInts(String s, String option) {
        return parsePairs(s, option, "key=integer", false, Integer::parseInt);
    }

    private Map<String, Double> parseAmounts(String s) {
        return parsePairs(s, "--holdings", "CLASS=AMOUNT", true, Double::parseDouble);
    }

    /** Parses {@code k=v,k=v}; keys trimmed and lower- (or upper-) cased; a usage error names the option and pair. */
    private <V> Map<String, V> parsePairs(String s, String option, String expected, boolean upperKeys,
            java.util.function.Function<String, V> value) {
        Map<String, V> out = new LinkedHashMap<>();
        for (String kv : s.split(",")) {
            String[] p = kv.split("=", 2);
            try {
                String key = p[0].trim();
                out.put(upperKeys ? key.toUpperCase(Locale.ROOT) : key.toLowerCase(Locale.ROOT), value.apply(p[1].trim()));
            } catch (RuntimeException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + ": expected " + expected + ", got '" + kv + "'");
            }
        }
        return out;
    }

    private static String toJson(Customer c, Advice advice) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out = json.createObjectNode();
        Allocation a = advice.allocation();
        out.put("customer", c.id());
        out.put("age", c.age());
        out.put("segment", c.segment().name());
        ObjectNode profile = out.putObject("profile");
        profile.put("level", advice.policy().profile().level());
        profile.put("name", advice.policy().profile().name());
        profile.put("volatilityCeiling", advice.policy().volatilityCeiling());
        profile.set("classBounds", json.valueToTree(advice.policy().classBounds()));
        RegimeDetector.Assessment as = advice.assessment();
        ObjectNode regime = out.putObject("regime");
        regime.put("regime", as.regime().name());
        regime.put("since", as.since().toString());
        regime.put("reason", as.reason());
        regime.put("volatilityTarget", advice.limits().volatilityTarget());
        regime.set("classBounds", json.valueToTree(advice.limits().bounds()));
        ArrayNode changes = regime.putArray("tilt");
        advice.limits().changes().forEach(changes::add);
        regime.set("signals", json.valueToTree(as.signals()));
        AllocationJson.figures(json, out, a);
        if (advice.rebalancing().isPresent()) {
            RebalanceAdvisor.Plan p = advice.rebalancing().get();
            ObjectNode r = out.putObject("rebalancing");
            r.put("rebalance", p.rebalance());
            r.put("summary", p.summary());
            r.put("portfolioValue", p.portfolioValue());
            r.set("trades", json.valueToTree(p.trades()));
        }
        ArrayNode expl = out.putArray("explanation");
        advice.explanation().forEach(expl::add);
        out.set("audit", AllocationJson.audit(json, a.audit()));
        return json.writeValueAsString(out);
    }

}
