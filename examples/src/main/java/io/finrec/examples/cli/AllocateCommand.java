package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.api.allocation.Allocation;
import io.finrec.api.allocation.AllocationConstraints;
import io.finrec.api.allocation.AllocationRequest;
import io.finrec.api.allocation.PriceTable;
import io.finrec.api.allocation.WeightBounds;
import io.finrec.strategy.Convention;
import io.finrec.strategy.Method;
import io.finrec.strategy.PortfolioStrategy;
import io.finrec.strategy.ReturnModel;
import io.finrec.strategy.RiskModel;
import io.finrec.strategy.StrategyConfig;
import io.finrec.strategy.data.MissingPricePolicy;
import io.finrec.strategy.data.PriceTableCsv;
import io.finrec.strategy.data.ReturnKind;
import io.finrec.strategy.data.ReturnSeries;
import io.finrec.strategy.optimize.DiscreteAllocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code finrec allocate}: portfolio weights from a wide price file, printed as one JSON object (weights, expected
 * return, volatility, Sharpe ratio, risk contributions, warnings, audit; with {@code --train-fraction < 1} also the
 * out-of-sample performance on the remaining rows; with {@code --reconcile} a comparison against expected numbers,
 * exit code 1 when they differ by more than the tolerance).
 */
@Command(name = "allocate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute portfolio weights from a price file (date,TICKER1,TICKER2,...; empty cell = missing).",
                "Prints one JSON object. Exit code 1 with an explanation when no allocation is possible."})
public final class AllocateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--prices", required = true, paramLabel = "FILE", description = "Wide price CSV.")
    Path prices;

    @Option(names = "--method", required = true, paramLabel = "METHOD",
            description = "min-variance, max-sharpe, efficient-risk, efficient-return, quadratic-utility, erc, hrp, hrp-ldp, black-litterman.")
    String method;

    @Option(names = "--cov", defaultValue = "sample", paramLabel = "MODEL",
            description = "sample, ledoit-wolf, ledoit-wolf-cc, ledoit-wolf-sf, exponential, semicovariance (default ${DEFAULT-VALUE}).")
    String cov;

    @Option(names = "--mu", defaultValue = "geometric", paramLabel = "MODEL",
            description = "geometric, arithmetic, exponential, capm (default ${DEFAULT-VALUE}).")
    String mu;

    @Option(names = "--rf", defaultValue = "0.02", description = "Annual risk-free rate (default ${DEFAULT-VALUE}).")
    double rf;

    @Option(names = "--periods", defaultValue = "252", description = "Prices per year (default ${DEFAULT-VALUE}).")
    int periods;

    @Option(names = "--target-vol", description = "Volatility target of efficient-risk, e.g. 0.15.")
    Double targetVol;

    @Option(names = "--target-return", description = "Return target of efficient-return, e.g. 0.10.")
    Double targetReturn;

    @Option(names = "--risk-aversion", defaultValue = "1", description = "Risk aversion of quadratic-utility (default ${DEFAULT-VALUE}).")
    double riskAversion;

    @Option(names = "--semicov-benchmark", description = "Per-period benchmark of --cov semicovariance (default: the per-period risk-free rate).")
    Double semicovBenchmark;

    @Option(names = "--train-fraction", defaultValue = "1.0",
            description = "Fraction of the rows to estimate on (the first ones); the rest is the out-of-sample test (default ${DEFAULT-VALUE}).")
    double trainFraction;

    @Option(names = "--complete-rows", description = "Use only the dates on which every asset has a price.")
    boolean completeRows;

    @Option(names = "--compat", defaultValue = "finrec", paramLabel = "CONVENTION",
            description = "finrec (intersect dates) or pypfopt (PyPortfolioOpt's conventions, to reconcile with it).")
    String compat;

    @Option(names = "--max-weight", description = "Upper bound of every weight, e.g. 0.25.")
    Double maxWeight;

    @Option(names = "--min-weight", description = "Lower bound of every weight (negative allows shorting).")
    Double minWeight;

    @Option(names = "--view", paramLabel = "TICKER=RETURN[@CONFIDENCE]",
            description = "Black-Litterman absolute view, e.g. AAPL=0.12@0.6 (repeatable).")
    List<String> views = new ArrayList<>();

    @Option(names = "--market-cap", paramLabel = "TICKER=CAP",
            description = "Market capitalisation for the Black-Litterman prior (repeatable; none = equal weights).")
    List<String> marketCaps = new ArrayList<>();

    @Option(names = "--discrete", paramLabel = "VALUE", description = "Also turn the weights into whole shares for this amount.")
    Double discrete;

    @Option(names = "--reconcile", paramLabel = "FILE",
            description = "JSON with expected \"weights\", \"expectedReturn\", \"volatility\", \"sharpe\", \"assetExpectedReturns\" and an optional \"tolerance\".")
    Path reconcile;

    @Option(names = "--tolerance", defaultValue = "1e-4", description = "Largest accepted difference for --reconcile (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Override
    public Integer call() throws IOException {
        if (!(trainFraction > 0 && trainFraction <= 1))
            throw new CommandLine.ParameterException(spec.commandLine(), "--train-fraction: must be in (0, 1], was " + trainFraction);
        Convention convention = switch (compat.toLowerCase(Locale.ROOT)) {
            case "finrec" -> Convention.FINREC;
            case "pypfopt", "pyportfolioopt" -> Convention.PYPORTFOLIOOPT;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--compat: expected finrec or pypfopt, was " + compat);
        };
        StrategyConfig.Builder cb;
        try {
            cb = StrategyConfig.builder(Method.parse(method)).riskModel(RiskModel.parse(cov))
                    .returnModel(ReturnModel.parse(mu)).convention(convention).riskAversion(riskAversion);
            if (targetVol != null) cb.targetVolatility(targetVol);
            if (targetReturn != null) cb.targetReturn(targetReturn);
            if (semicovBenchmark != null) cb.semicovarianceBenchmark(semicovBenchmark);
            for (String v : views) {
                String[] kv = v.split("=", 2);
                if (kv.length != 2) throw new IllegalArgumentException("--view: expected TICKER=RETURN[@CONFIDENCE], was " + v);
                String[] rc = kv[1].split("@", 2);
                if (rc.length == 2) cb.view(kv[0], Double.parseDouble(rc[0]), Double.parseDouble(rc[1]));
                else cb.view(kv[0], Double.parseDouble(rc[0]));
            }
            for (String c : marketCaps) {
                String[] kv = c.split("=", 2);
                if (kv.length != 2) throw new IllegalArgumentException("--market-cap: expected TICKER=CAP, was " + c);
                cb.marketCap(kv[0], Double.parseDouble(kv[1]));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        StrategyConfig config = cb.build();
        PriceTable table = PriceTableCsv.read(prices);
        PriceTable[] split = split(table);
        AllocationConstraints.Builder constraints = AllocationConstraints.builder();
        if (maxWeight != null || minWeight != null)
            constraints.defaultBounds(WeightBounds.of(minWeight == null ? 0 : minWeight, maxWeight == null ? 1 : maxWeight));
        AllocationRequest request = new AllocationRequest(split[0], rf, periods, constraints.build());
        PortfolioStrategy strategy = new PortfolioStrategy(config);
        Allocation allocation = strategy.allocate(request);
        double[] assetMu = strategy.estimate(request).expectedReturns();

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out = json.createObjectNode();
        out.put("method", config.method().id());
        AllocationJson.figures(json, out, allocation);
        Map<String, Double> muByAsset = new LinkedHashMap<>();
        for (int i = 0; i < assetMu.length; i++) muByAsset.put(table.assets().get(i), assetMu[i]);
        out.set("assetExpectedReturns", json.valueToTree(muByAsset));
        ObjectNode window = out.putObject("window");
        window.put("start", allocation.audit().windowStart().toString());
        window.put("end", allocation.audit().windowEnd().toString());
        window.put("returns", allocation.audit().observations());
        if (split[1] != null) out.set("outOfSample", outOfSample(json, split[1], allocation));
        if (discrete != null) {
            Map<String, Double> latest = new LinkedHashMap<>();
            PriceTable last = split[1] != null ? split[1] : split[0];
            for (int a = 0; a < last.assetCount(); a++) {
                for (int t = last.dateCount() - 1; t >= 0; t--) {
                    if (!Double.isNaN(last.price(t, a))) {
                        latest.put(last.assets().get(a), last.price(t, a));
                        break;
                    }
                }
            }
            DiscreteAllocation.Result d = DiscreteAllocation.greedy(allocation.weights(), latest, discrete, false);
            ObjectNode dn = out.putObject("discreteAllocation");
            dn.set("shares", json.valueToTree(d.shares()));
            dn.put("leftover", d.leftover());
        }
        out.set("audit", AllocationJson.audit(json, allocation.audit()));
        boolean passed = true;
        if (reconcile != null) {
            ObjectNode rec = reconcile(json, json.readTree(Files.readString(reconcile)), out);
            out.set("reconciliation", rec);
            passed = rec.get("passed").asBoolean();
        }
        PrintWriter pw = spec.commandLine().getOut();
        pw.println(json.writeValueAsString(out));
        pw.flush();
        if (!passed) {
            spec.commandLine().getErr().println("finrec: reconciliation failed: " + out.get("reconciliation").get("worst").asText()
                    + " differs by " + out.get("reconciliation").get("maxDifference").asDouble() + " (tolerance "
                    + out.get("reconciliation").get("tolerance").asDouble() + ")");
            return 1;
        }
        return 0;
    }

    /** Train (first) and test (rest, starting at the last train row) tables; test is null when there is none. */
    private PriceTable[] split(PriceTable table) {
        List<Integer> rows = new ArrayList<>();
        for (int t = 0; t < table.dateCount(); t++) if (!completeRows || table.isComplete(t)) rows.add(t);
        if (rows.size() < 2)
            throw new CommandLine.ParameterException(spec.commandLine(), "--prices: fewer than two "
                    + (completeRows ? "dates on which every asset has a price" : "rows"));
        int k = (int) Math.floor(trainFraction * rows.size());
        if (k < 2) throw new CommandLine.ParameterException(spec.commandLine(), "--train-fraction: leaves fewer than two rows to train on");
        int first = rows.get(0);
        int lastTrain = rows.get(k - 1);
        PriceTable train = table.rows(first, lastTrain + 1);
        PriceTable test = k < rows.size() ? table.rows(lastTrain, rows.get(rows.size() - 1) + 1) : null;
        return new PriceTable[] {train, test};
    }

    /** Realised performance of the weights, rebalanced every period, on the test rows. */
    private ObjectNode outOfSample(ObjectMapper json, PriceTable test, Allocation allocation) {
        ReturnSeries r = ReturnSeries.of(test, ReturnKind.SIMPLE, MissingPricePolicy.INTERSECT);
        ObjectNode n = json.createObjectNode();
        n.put("start", test.dates().get(0).toString());
        n.put("end", test.dates().get(test.dateCount() - 1).toString());
        n.put("returns", r.periods());
        if (r.periods() < 2) return n;
        double[] w = new double[test.assetCount()];
        for (int a = 0; a < w.length; a++) w[a] = allocation.weights().get(test.assets().get(a));
        double logSum = 0;
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < r.periods(); t++) {
            double p = 0;
            for (int a = 0; a < w.length; a++) p += w[a] * r.value(t, a);
            logSum += Math.log1p(p);
            sum += p;
            sumSq += p * p;
        }
        int t = r.periods();
        double ret = Math.expm1(logSum * periods / t);
        double var = (sumSq - sum * sum / t) / (t - 1);
        double vol = Math.sqrt(var * periods);
        n.put("annualReturn", ret);
        n.put("volatility", vol);
        n.put("sharpe", (ret - rf) / vol);
        n.put("note", "weights rebalanced every period; geometric annual return");
        return n;
    }

    private ObjectNode reconcile(ObjectMapper json, JsonNode expected, ObjectNode actual) {
        double tol = expected.has("tolerance") ? expected.get("tolerance").asDouble() : tolerance;
        double worst = 0;
        String worstName = "nothing";
        int checked = 0;
        for (String field : List.of("expectedReturn", "volatility", "sharpe")) {
            if (!expected.has(field)) continue;
            double d = Math.abs(expected.get(field).asDouble() - actual.get(field).asDouble());
            checked++;
            if (d > worst || Double.isNaN(d)) {
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                worstName = field;
            }
        }
        for (String group : List.of("weights", "assetExpectedReturns")) {
            if (!expected.has(group)) continue;
            for (Map.Entry<String, JsonNode> e : expected.get(group).properties()) {
                JsonNode a = actual.get(group).get(e.getKey());
                double d = a == null ? Double.POSITIVE_INFINITY : Math.abs(e.getValue().asDouble() - a.asDouble());
                checked++;
                if (d > worst) {
                    worst = d;
                    worstName = group + "." + e.getKey();
                }
            }
        }
        ObjectNode rec = json.createObjectNode();
        rec.put("checked", checked);
        rec.put("tolerance", tol);
        rec.put("maxDifference", worst);
        rec.put("worst", worstName);
        rec.put("passed", checked > 0 && worst <= tol);
        return rec;
    }
}
