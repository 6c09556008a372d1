package io.finrec.recsys.spark.prepare;

import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.api.recommend.TrainingData;
import io.finrec.core.dataset.BankData;
import io.finrec.core.domain.Account;
import io.finrec.core.domain.Customer;
import io.finrec.core.domain.Interaction;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.Transaction;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The single-machine preparation of bank data into training inputs, with the rules of {@link BankFeatures}: what
 * {@link SparkPreparation} computes on a cluster, for data that fits one JVM (and the reference the Spark path is
 * tested against). Stateless and thread-safe.
 */
public final class LocalPreparation {
    private LocalPreparation() {}

    /** Training data from a bank dataset (users and items sorted by id; vocabularies sorted by name). */
    public static TrainingData prepare(BankData bank) {
        return prepare(bank.customers(), bank.accounts(), bank.transactions(), bank.interactions(), bank.products());
    }

    /** Training data from bank tables; records naming an unknown customer or product are an error. */
    public static TrainingData prepare(List<Customer> customers, List<Account> accounts, List<Transaction> transactions,
                                       List<Interaction> interactions, List<Product> products) {
        TreeMap<String, Customer> cs = new TreeMap<>();
        for (Customer c : customers)
            if (cs.put(c.id(), c) != null) throw new IllegalArgumentException("customers: id '" + c.id() + "' appears twice");
        TreeMap<String, Product> ps = new TreeMap<>();
        for (Product p : products)
            if (ps.put(p.id(), p) != null) throw new IllegalArgumentException("products: id '" + p.id() + "' appears twice");
        if (cs.isEmpty()) throw new IllegalArgumentException("customers: none");
        if (ps.isEmpty()) throw new IllegalArgumentException("products: none");

        Map<String, Map<String, BigDecimal>> spent = new HashMap<>();
        for (Transaction t : transactions) {
            if (t.amount().amount().signum() >= 0 || t.category().isEmpty()) continue;
            customer(cs, t.customerId(), "transactions", t.id());
            spent.computeIfAbsent(t.customerId(), k -> new HashMap<>())
                    .merge(t.category().get(), t.amount().amount().negate(), BigDecimal::add);
        }
        Map<String, List<BankFeatures.Feature>> rows = new HashMap<>();
        TreeSet<String> userVocab = new TreeSet<>();
        for (Customer c : cs.values()) {
            List<BankFeatures.Feature> f = new ArrayList<>(BankFeatures.customer(c.age(), c.annualIncome(),
                    c.segment().name(), c.riskProfile().name(), c.region()));
            f.addAll(BankFeatures.spending(spent.getOrDefault(c.id(), Map.of())));
            rows.put(c.id(), f);
            for (BankFeatures.Feature x : f) userVocab.add(x.name());
        }
        FeatureMatrix.Builder uf = FeatureMatrix.builder();
        for (String name : userVocab) uf.feature(name);
        for (String id : cs.keySet()) for (BankFeatures.Feature x : rows.get(id)) uf.add(id, x.name(), x.weight());

        TreeSet<String> itemVocab = new TreeSet<>();
        Map<String, List<BankFeatures.Feature>> itemRows = new HashMap<>();
        for (Product p : ps.values()) {
            List<BankFeatures.Feature> f = BankFeatures.product(p.type().name(), p.riskLevel());
            itemRows.put(p.id(), f);
            for (BankFeatures.Feature x : f) itemVocab.add(x.name());
        }
        FeatureMatrix.Builder itf = FeatureMatrix.builder();
        for (String name : itemVocab) itf.feature(name);
        for (String id : ps.keySet()) for (BankFeatures.Feature x : itemRows.get(id)) itf.add(id, x.name(), x.weight());

        TreeMap<String, TreeMap<String, List<BankFeatures.Signal>>> signals = new TreeMap<>();
        for (Account a : accounts) {
            if (a.productId().isEmpty()) continue;
            customer(cs, a.customerId(), "accounts", a.id());
            product(ps, a.productId().get(), "accounts", a.id());
            signals.computeIfAbsent(a.customerId(), k -> new TreeMap<>())
                    .computeIfAbsent(a.productId().get(), k -> new ArrayList<>())
                    .add(new BankFeatures.Signal(true, 0, a.opened().atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
        }
        for (Interaction e : interactions) {
            customer(cs, e.customerId(), "interactions", e.customerId() + "/" + e.productId());
            product(ps, e.productId(), "interactions", e.customerId() + "/" + e.productId());
            signals.computeIfAbsent(e.customerId(), k -> new TreeMap<>())
                    .computeIfAbsent(e.productId(), k -> new ArrayList<>())
                    .add(new BankFeatures.Signal(false, e.weight(), e.time().getEpochSecond()));
        }
        Interactions.Builder b = Interactions.builder();
        for (String u : cs.keySet()) b.user(u);
        for (String i : ps.keySet()) b.item(i);
        for (var u : signals.entrySet())
            for (var i : u.getValue().entrySet()) {
                double[] v = BankFeatures.value(i.getValue());
                b.add(u.getKey(), i.getKey(), v[0], 1.0, (long) v[1]);
            }
        return new TrainingData(b.build(), uf.build(), itf.build());
    }

    private static void customer(Map<String, Customer> cs, String id, String table, String row) {
        if (!cs.containsKey(id))
            throw new IllegalArgumentException(table + ": row '" + row + "' names customer '" + id
                    + "', which is not in customers");
    }

    private static void product(Map<String, Product> ps, String id, String table, String row) {
        if (!ps.containsKey(id))
            throw new IllegalArgumentException(table + ": row '" + row + "' names product '" + id
                    + "', which is not in products");
    }
}
