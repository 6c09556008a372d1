package io.finrec.recsys.spark.score;

import io.finrec.core.domain.Eligibility;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.Segment;
import io.finrec.core.io.BankSchemas;
import io.finrec.core.io.CsvRecords;
import io.finrec.core.io.RecordReader;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The catalogue's eligibility rules ({@link Eligibility}: age range, minimum income, minimum risk profile, segments)
 * as primitive arrays, small enough to ship to every Spark worker. Workers rebuild the rules with {@link #rules()}
 * and apply {@link Eligibility#admits} to each customer, the same check as the single-machine path. Products without
 * a rule are unrestricted. Immutable and thread-safe.
 */
public final class EligibilityTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] productIds;
    private final int[] minAge;
    private final int[] maxAge;
    private final String[] minIncome;
    private final int[] minRiskProfile;
    private final int[] segmentMask;

    private EligibilityTable(String[] productIds, int[] minAge, int[] maxAge, String[] minIncome, int[] minRiskProfile,
                             int[] segmentMask) {
        this.productIds = productIds;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.minIncome = minIncome;
        this.minRiskProfile = minRiskProfile;
        this.segmentMask = segmentMask;
    }

    /** The rules of these products (duplicate ids are an error). */
    public static EligibilityTable of(Collection<Product> products) {
        Objects.requireNonNull(products, "products");
        int n = products.size();
        String[] ids = new String[n];
        int[] lo = new int[n], hi = new int[n], risk = new int[n], seg = new int[n];
        String[] inc = new String[n];
        Map<String, Integer> seen = new HashMap<>();
        int i = 0;
        for (Product p : products) {
            if (seen.put(p.id(), i) != null)
                throw new IllegalArgumentException("products: product id '" + p.id() + "' appears twice");
            Eligibility e = p.eligibility();
            ids[i] = p.id();
            lo[i] = e.minAge();
            hi[i] = e.maxAge();
            inc[i] = e.minIncome().toPlainString();
            risk[i] = e.minRiskProfile();
            int mask = 0;
            for (Segment s : e.segments()) mask |= 1 << s.ordinal();
            seg[i++] = mask;
        }
        return new EligibilityTable(ids, lo, hi, inc, risk, seg);
    }

    /** The rules of a products CSV in FinRec's bank schema ({@code products.csv}). */
    public static EligibilityTable readCsv(Path productsCsv) throws IOException {
        List<Product> products = new ArrayList<>();
        try (RecordReader<Product> r = CsvRecords.read(productsCsv, BankSchemas.PRODUCT)) {
            while (r.hasNext()) products.add(r.next());
        }
        if (products.isEmpty()) throw new IllegalArgumentException("products: " + productsCsv + " has no products");
        return of(products);
    }

    /** Number of products with a rule. */
    public int size() {
        return productIds.length;
    }

    /** The rules by product id (a fresh map). */
    public Map<String, Eligibility> rules() {
        Map<String, Eligibility> m = new HashMap<>(productIds.length * 2);
        for (int i = 0; i < productIds.length; i++) {
            EnumSet<Segment> s = EnumSet.noneOf(Segment.class);
            for (Segment g : Segment.values()) if ((segmentMask[i] & (1 << g.ordinal())) != 0) s.add(g);
            m.put(productIds[i], new Eligibility(minAge[i], maxAge[i], new BigDecimal(minIncome[i]),
                    minRiskProfile[i], s));
        }
        return m;
    }
}
