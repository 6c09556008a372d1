package io.finrec.core.builtin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in bank's fixed reference tables, loaded once from class-path resources: merchants, US places and
 * international destinations, and first and last names. Immutable and thread-safe.
 */
final class ReferenceData {
    /** A US city with its state and population weight. */
    record Place(String state, String city, double weight) {}

    /** An international destination. */
    record Destination(String city, String country, String currency) {}

    private static final ReferenceData INSTANCE = new ReferenceData();

    final Map<String, List<Merchant>> merchantsByCategory;
    final List<Place> places;
    final double[] placeWeights;
    final List<Destination> destinations;
    final List<Merchant> rideshare;
    final List<Merchant> homeStores;
    private final Map<String, Merchant> fees = new java.util.HashMap<>();

    static final String[] FIRST_NAMES = {"JAMES", "MARY", "ROBERT", "PATRICIA", "JOHN", "JENNIFER", "MICHAEL", "LINDA",
        "DAVID", "ELIZABETH", "WILLIAM", "BARBARA", "RICHARD", "SUSAN", "JOSEPH", "JESSICA", "THOMAS", "SARAH",
        "CHRISTOPHER", "KAREN", "CHARLES", "LISA", "DANIEL", "NANCY", "MATTHEW", "BETTY", "ANTHONY", "SANDRA", "MARK",
        "MARGARET", "JOSE", "MARIA", "CARLOS", "SOFIA", "LUIS", "CAMILA", "WEI", "MEI", "HIROSHI", "YUKI", "RAJ",
        "PRIYA", "ARJUN", "ANANYA", "AHMED", "FATIMA", "OMAR", "AISHA", "KWAME", "AMARA", "CHIDI", "NGOZI", "IVAN",
        "OLGA", "PIOTR", "ANNA", "LIAM", "EMMA", "NOAH", "OLIVIA", "ETHAN", "AVA", "MASON", "MIA", "LUCAS", "ZOE",
        "DIEGO", "VALENTINA", "MINH", "LINH", "TARIQ", "LEILA", "SEAN", "SIOBHAN", "ANDRE", "TANISHA", "DARNELL",
        "KEISHA", "GRACE", "HANNAH"};
    static final String[] LAST_NAMES = {"SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS",
        "RODRIGUEZ", "MARTINEZ", "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON", "THOMAS", "TAYLOR", "MOORE",
        "JACKSON", "MARTIN", "LEE", "PEREZ", "THOMPSON", "WHITE", "HARRIS", "SANCHEZ", "CLARK", "RAMIREZ", "LEWIS",
        "ROBINSON", "NGUYEN", "KIM", "PATEL", "SHAH", "SINGH", "KHAN", "CHEN", "WANG", "LI", "ZHANG", "TANAKA", "SATO",
        "OKAFOR", "ADEYEMI", "MENSAH", "KOWALSKI", "NOWAK", "MUELLER", "SCHMIDT", "ROSSI", "SILVA", "SANTOS", "COHEN",
        "MURPHY", "OBRIEN", "KELLY", "PARK", "CHOI", "TRAN", "PHAM", "ALI", "HASSAN", "IVANOV", "PETROV", "BAKER",
        "GREEN", "ADAMS", "NELSON", "HILL", "CAMPBELL", "MITCHELL", "ROBERTS", "CARTER", "PHILLIPS", "EVANS", "TURNER",
        "TORRES", "PARKER", "COLLINS", "EDWARDS"};

    private ReferenceData() {
        Map<String, List<Merchant>> merchants = new LinkedHashMap<>();
        for (String[] f : rows("merchants.tsv", 7)) {
            List<String> aliases = List.of(f[2].split("\\|"));
            Set<String> regions = f[5].equals("ALL") ? Set.of() : Set.of(f[5].split("\\|"));
            Merchant m = new Merchant(f[0], f[1], aliases, f[3].equals("-") ? -1 : Integer.parseInt(f[3]),
                    Double.parseDouble(f[4]), regions, Channel.valueOf(f[6]));
            merchants.computeIfAbsent(m.category(), k -> new ArrayList<>()).add(m);
        }
        merchants.replaceAll((k, v) -> List.copyOf(v));
        merchantsByCategory = Collections.unmodifiableMap(merchants);
        List<Place> p = new ArrayList<>();
        for (String[] f : rows("places.tsv", 3)) p.add(new Place(f[0], f[1], Double.parseDouble(f[2])));
        places = List.copyOf(p);
        placeWeights = places.stream().mapToDouble(Place::weight).toArray();
        List<Destination> d = new ArrayList<>();
        for (String[] f : rows("destinations.tsv", 3)) d.add(new Destination(f[0], f[1], f[2]));
        destinations = List.copyOf(d);
        rideshare = merchants("transport").stream().filter(m -> m.name().equals("Uber") || m.name().equals("Lyft"))
                .toList();
        homeStores = merchants("shopping").stream().filter(m -> m.mcc() == 5200 || m.mcc() == 5712 || m.mcc() == 5719)
                .toList();
        for (Merchant m : merchants("fees")) fees.put(m.name(), m);
    }

    /** The fee of this name. */
    Merchant fee(String name) {
        Merchant m = fees.get(name);
        if (m == null) throw new IllegalArgumentException("fee: unknown '" + name + "'");
        return m;
    }

    static ReferenceData get() {
        return INSTANCE;
    }

    /** Merchants of a category (never empty for the fifteen categories). */
    List<Merchant> merchants(String category) {
        List<Merchant> list = merchantsByCategory.get(category);
        if (list == null) throw new IllegalArgumentException("category: no merchants for '" + category + "'");
        return list;
    }

    /** Merchants of a category with the given channel. */
    List<Merchant> merchants(String category, Channel channel) {
        List<Merchant> out = new ArrayList<>();
        for (Merchant m : merchants(category)) if (m.channel() == channel) out.add(m);
        return List.copyOf(out);
    }

    /** Places in a state. */
    List<Place> placesIn(String state) {
        List<Place> out = new ArrayList<>();
        for (Place p : places) if (p.state().equals(state)) out.add(p);
        return out;
    }

    private static List<String[]> rows(String resource, int columns) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing class-path resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != columns)
                    throw new IllegalStateException(resource + " line " + n + ": " + f.length + " columns, expected "
                            + columns + ": " + Arrays.toString(f));
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
