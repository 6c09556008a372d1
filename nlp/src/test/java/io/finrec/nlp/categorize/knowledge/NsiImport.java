package io.finrec.nlp.categorize.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finrec.nlp.categorize.text.Words;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Dev-time import of OpenStreetMap's name-suggestion-index (NSI, BSD 3-Clause) into the generated merchant table
 * {@code merchants-nsi.txt} that {@link MerchantDirectory#builtin()} loads after the hand-curated
 * {@code merchants.txt}. Run by {@code nlp/tools/import-nsi.sh}; nothing of this runs in the library.
 *
 * <p>It keeps NSI brands whose location set includes the US (US, US states, North America, the Americas or the
 * world, unless the US is excluded), maps their OSM tags to FinRec's categories ({@link #CATEGORIES}), and drops
 * names that would do harm inside bank statements: fewer than {@value #MIN_CHARS} letters and digits, one-word
 * names that are common English words (the whole words of the MiniLM tokenizer vocabulary) or US city and state
 * names, names made only of category cue words or NSI's generic words, names that two NSI categories claim, and
 * names that equal or extend (word by word) a hand-curated alias of another category: the hand directory wins. Same-category overlaps with the hand directory are kept on purpose, so the NSI table on its
 * own is an independent source whose coverage can be measured. Not thread-safe; run from {@link #main}.
 */
public final class NsiImport {
    /** Minimum letters and digits of an alias. */
    static final int MIN_CHARS = 4;

    /** NSI tree/key/value (as in nsi.json's keys, e.g. "brands/shop/supermarket") to FinRec category. */
    static final Map<String, String> CATEGORIES = categories();

    private static Map<String, String> categories() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "groceries", "brands/shop/supermarket", "brands/shop/wholesale", "brands/shop/greengrocer",
                "brands/shop/butcher", "brands/shop/frozen_food", "brands/shop/health_food", "brands/shop/seafood",
                "brands/shop/food", "brands/shop/alcohol", "brands/shop/wine", "brands/shop/beverages");
        put(m, "dining", "brands/amenity/fast_food", "brands/amenity/restaurant", "brands/amenity/cafe",
                "brands/amenity/ice_cream", "brands/amenity/bar", "brands/amenity/pub", "brands/amenity/food_court",
                "brands/shop/bakery", "brands/shop/pastry", "brands/shop/coffee", "brands/shop/tea", "brands/shop/deli",
                "brands/shop/donut");
        // US convenience-store chains are gas stations (7-Eleven, Circle K and Wawa are fuel in merchants.txt)
        put(m, "fuel", "brands/amenity/fuel", "brands/shop/convenience", "brands/highway/services",
                "brands/amenity/charging_station");
        put(m, "healthcare", "brands/amenity/pharmacy", "brands/shop/chemist", "brands/amenity/clinic",
                "brands/amenity/doctors", "brands/amenity/dentist", "brands/amenity/hospital",
                "brands/amenity/veterinary", "brands/shop/optician", "brands/shop/hearing_aids",
                "brands/shop/medical_supply", "brands/healthcare/laboratory", "brands/healthcare/physiotherapist",
                "brands/healthcare/blood_donation", "brands/healthcare/counselling", "brands/healthcare/alternative",
                "brands/healthcare/dialysis", "brands/healthcare/audiologist", "brands/healthcare/optometrist",
                "brands/healthcare/rehabilitation", "brands/healthcare/sample_collection",
                "operators/amenity/hospital", "operators/amenity/clinic");
        put(m, "insurance", "brands/office/insurance");
        // self storage is rent in merchants.txt (Public Storage, Extra Space); apartment communities are rent
        put(m, "rent", "brands/shop/storage_rental", "brands/landuse/residential");
        put(m, "shopping", "brands/shop/clothes", "brands/shop/shoes", "brands/shop/department_store",
                "brands/shop/variety_store", "brands/shop/furniture", "brands/shop/jewelry", "brands/shop/electronics",
                "brands/shop/sports", "brands/shop/cosmetics", "brands/shop/doityourself", "brands/shop/hardware",
                "brands/shop/toys", "brands/shop/books", "brands/shop/pet", "brands/shop/gift", "brands/shop/houseware",
                "brands/shop/outdoor", "brands/shop/car_parts", "brands/shop/craft", "brands/shop/stationery",
                "brands/shop/bed", "brands/shop/watches", "brands/shop/fashion_accessories", "brands/shop/bag",
                "brands/shop/kitchen", "brands/shop/appliance", "brands/shop/baby_goods", "brands/shop/computer",
                "brands/shop/video_games", "brands/shop/music", "brands/shop/musical_instrument",
                "brands/shop/perfumery", "brands/shop/second_hand", "brands/shop/charity", "brands/shop/party",
                "brands/shop/interior_decoration", "brands/shop/paint", "brands/shop/garden_centre",
                "brands/shop/country_store", "brands/shop/farm", "brands/shop/florist", "brands/shop/fabric",
                "brands/shop/hifi", "brands/shop/lighting", "brands/shop/flooring", "brands/shop/tiles",
                "brands/shop/window_blind", "brands/shop/vacuum_cleaner", "brands/shop/games", "brands/shop/mall",
                "brands/shop/nutrition_supplements", "brands/shop/frame", "brands/shop/photo");
        put(m, "telecom", "brands/shop/mobile_phone", "brands/shop/telecommunication",
                "operators/shop/mobile_phone");
        // car care and tyres are transport in merchants.txt (Jiffy Lube, Midas, Costco Tire Center)
        put(m, "transport", "brands/shop/car_repair", "brands/shop/tyres", "brands/amenity/car_wash",
                "brands/amenity/bicycle_rental", "brands/amenity/parking", "operators/amenity/parking");
        put(m, "travel", "brands/tourism/hotel", "brands/tourism/motel", "brands/tourism/hostel",
                "brands/tourism/caravan_site", "brands/tourism/camp_site", "brands/amenity/car_rental",
                "brands/shop/travel_agency");
        put(m, "entertainment", "brands/amenity/cinema", "brands/amenity/theatre", "brands/leisure/fitness_centre",
                "brands/leisure/sports_centre", "brands/leisure/bowling_alley", "brands/leisure/amusement_arcade",
                "brands/leisure/trampoline_park", "brands/leisure/indoor_play", "brands/leisure/escape_game",
                "brands/leisure/miniature_golf", "brands/leisure/water_park", "brands/tourism/theme_park",
                "brands/tourism/zoo", "brands/tourism/aquarium");
        put(m, "transfers", "brands/amenity/money_transfer");
        // the operators of US power and water networks are the utilities that bill households
        put(m, "utilities", "operators/power/line", "operators/power/minor_line", "operators/power/substation",
                "operators/power/pole", "operators/power/tower", "operators/power/transformer",
                "operators/office/water_utility", "operators/man_made/water_works",
                "operators/man_made/wastewater_plant");
        return Map.copyOf(m);
    }

    private static void put(Map<String, String> m, String category, String... paths) {
        for (String p : paths) if (m.put(p, category) != null) throw new IllegalStateException("twice: " + p);
    }

    /**
     * Power-network operators that are not household utilities: transit authorities, railways, pipelines,
     * universities and airports own power lines too.
     */
    private static final Pattern NOT_A_UTILITY = Pattern.compile(
            "(?i).*\\b(transit|rail\\w*|metro\\w*|amtrak|airport|universit\\w*|college|pipe ?lines?|army|navy|air force)\\b.*");

    /** Location-set codes that include the US: the US, North America, the Americas, the world. */
    private static final Set<String> US_REGIONS = Set.of("us", "021", "019", "001");
    private static final Set<String> STOP_WORDS = Set.of("THE", "AND", "OF", "A", "AN", "BY", "AT", "ON", "IN");
    /**
     * One-word names that are real brands but mostly mean something else in bank statements (ACME is the stock
     * placeholder employer: "ACME CORPORATION PAYROLL"), beyond the common words of the vocabulary.
     */
    private static final Set<String> STATEMENT_WORDS = Set.of("ACME", "SHOPPERS", "SAVERS", "REFUEL", "BOARDERS");

    /** Why an alias was dropped (for the report). */
    enum Drop { SHORT, NON_LATIN, COMMON_WORD, PLACE, CUE_WORDS, GENERIC, NOT_A_UTILITY, HAND_CONFLICT, NSI_AMBIGUOUS }

    /**
     * The import's inputs besides NSI itself.
     *
     * @param hand        the hand-curated directory (wins every conflict)
     * @param commonWords lower-case common English words
     * @param cuePhrases  the cue lexicon's phrases as squashed words (a trailing '*' marks a prefix)
     * @param places      squashed US state codes and city names (words joined by one space)
     */
    record Filters(MerchantDirectory hand, Set<String> commonWords, List<List<String>> cuePhrases, Set<String> places) {
        /** The filters of the built-in tables and the MiniLM vocabulary on the classpath. */
        static Filters builtin() {
            return new Filters(MerchantDirectory.curated(), NsiImport.commonWords(), NsiImport.cuePhrases(CueLexicon.builtin()),
                    NsiImport.places());
        }
    }

    /**
     * The import's result.
     *
     * @param directory the generated entries
     * @param dropped   dropped aliases by reason, each with examples "ALIAS (category)"
     * @param brands    NSI items considered (US-including, mapped category)
     */
    record Result(MerchantDirectory directory, Map<Drop, Set<String>> dropped, int brands) {}

    private NsiImport() {}

    /**
     * Usage: {@code NsiImport NSI_PACKAGE_DIR OUT_FILE}, where the directory is the unpacked npm package
     * (holding dist/json/nsi.json, dist/json/genericWords.json and LICENSE.md). Writes OUT_FILE and, beside it,
     * the licence file; prints what was dropped.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: NsiImport NSI_PACKAGE_DIR OUT_FILE");
            System.exit(2);
        }
        Path pkg = Path.of(args[0]);
        Path out = Path.of(args[1]);
        ObjectMapper json = new ObjectMapper();
        JsonNode nsi = json.readTree(pkg.resolve("dist/json/nsi.json").toFile());
        JsonNode generic = json.readTree(pkg.resolve("dist/json/genericWords.json").toFile());
        String version = nsi.path("_meta").path("version").asText();
        List<Pattern> genericWords = new ArrayList<>();
        for (JsonNode g : generic.path("genericWords")) genericWords.add(Pattern.compile(g.asText(), Pattern.CASE_INSENSITIVE));
        Result r = run(nsi.path("nsi"), genericWords, Filters.builtin());
        int aliases = 0;
        for (MerchantDirectory.Entry e : r.directory().entries()) aliases += e.aliases().size();
        StringBuilder sb = new StringBuilder();
        sb.append("# GENERATED FILE, do not edit: nlp/tools/import-nsi.sh ").append(version).append(" rewrites it.\n");
        sb.append("# Merchants derived from OpenStreetMap's name-suggestion-index (NSI) ").append(version)
                .append(" (nsi.json generated ").append(nsi.path("_meta").path("generated").asText()).append("),\n");
        sb.append("# https://github.com/osmlab/name-suggestion-index, BSD 3-Clause: licence text and attribution in\n");
        sb.append("# merchants-nsi.LICENSE.md beside this file. ").append(r.directory().entries().size())
                .append(" brands (").append(aliases).append(" aliases) of ").append(r.brands())
                .append(" US-including NSI brands with a mapped OSM tag;\n");
        sb.append("# filtered as described in docs/categorizer.md (short names, common words, places, cue words,\n");
        sb.append("# conflicts with merchants.txt, which wins). Same format as merchants.txt, loaded after it.\n");
        sb.append(r.directory().toText());
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        String licence = Files.readString(pkg.resolve("LICENSE.md"), StandardCharsets.UTF_8);
        Files.writeString(out.resolveSibling("merchants-nsi.LICENSE.md"),
                "# Licence of merchants-nsi.txt\n\n"
                        + "`merchants-nsi.txt` is derived from the name-suggestion-index (NSI) " + version + ",\n"
                        + "the canonical brand list of OpenStreetMap editors (https://github.com/osmlab/name-suggestion-index,\n"
                        + "npm package `name-suggestion-index`), by FinRec's `nlp/tools/import-nsi.sh`: brand names, their\n"
                        + "alternative names and a category mapped from their OSM tags. NSI's licence follows unchanged.\n\n"
                        + licence.strip() + "\n", StandardCharsets.UTF_8);
        System.out.printf("NSI %s: %d US-including brands mapped -> %d entries, %d aliases written to %s%n", version,
                r.brands(), r.directory().entries().size(), aliases, out);
        for (Map.Entry<Drop, Set<String>> d : r.dropped().entrySet()) {
            List<String> ex = List.copyOf(d.getValue());
            System.out.printf("  dropped %-14s %5d  e.g. %s%n", d.getKey(), ex.size(),
                    String.join(", ", ex.subList(0, Math.min(12, ex.size()))));
        }
    }

    /** Runs the import over nsi.json's "nsi" object. */
    static Result run(JsonNode nsi, List<Pattern> genericWords, Filters f) {
        // 1. candidate aliases per item, category by NSI path
        // aliases: "primary" names (displayName, name) and "secondary" ones (brand, operator, matchNames): a
        // secondary name shared with another category's primary one is the other brand's ("Publix" is the
        // supermarket; "Publix Pharmacy" has brand=Publix)
        record Item(String name, String category, List<String> aliases, Set<String> primary) {}
        List<Item> items = new ArrayList<>();
        Map<Drop, Set<String>> dropped = new TreeMap<>();
        int brands = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = nsi.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cat = it.next();
            String category = CATEGORIES.get(cat.getKey());
            if (category == null) continue;
            for (JsonNode item : cat.getValue().path("items")) {
                if (!includesUs(item.path("locationSet"))) continue;
                brands++;
                Set<String> names = new LinkedHashSet<>();
                JsonNode tags = item.path("tags");
                for (String n : List.of(item.path("displayName").asText(""), tags.path("name").asText(""),
                        tags.path("name:en").asText(""))) addName(names, n);
                Set<String> primary = new HashSet<>();
                for (String n : names) primary.add(Words.squash(n));
                for (String t : List.of("brand", "brand:en", "operator", "operator:en")) addName(names, tags.path(t).asText(""));
                for (JsonNode mn : item.path("matchNames")) addName(names, mn.asText(""));
                List<String> aliases = new ArrayList<>();
                for (String n : names) {
                    Drop why = check(n, genericWords, f);
                    if (why != null) dropped.computeIfAbsent(why, k -> new LinkedHashSet<>()).add(n + " (" + category + ")");
                    else aliases.add(n);
                }
                String display = clean(item.path("displayName").asText(""));
                if (category.equals("utilities") && NOT_A_UTILITY.matcher(display).matches()) {
                    dropped.computeIfAbsent(Drop.NOT_A_UTILITY, k -> new LinkedHashSet<>()).add(display);
                    continue;
                }
                if (!aliases.isEmpty())
                    items.add(new Item(display.isEmpty() ? aliases.get(0) : display, category, aliases, primary));
            }
        }
        // 2. hand conflicts (another category: equal, or this alias extends a hand alias word by word); the hand wins
        Map<List<String>, Set<String>> handAliases = new HashMap<>();
        Map<String, Set<String>> handSquashed = new HashMap<>();
        for (MerchantDirectory.Entry e : f.hand().entries()) {
            for (String a : e.aliases()) {
                handAliases.computeIfAbsent(words(a), x -> new HashSet<>()).add(e.category());
                handSquashed.computeIfAbsent(Words.squash(a), x -> new HashSet<>()).add(e.category());
            }
        }
        List<Item> agreed = new ArrayList<>();
        for (Item i : items) {
            List<String> keep = new ArrayList<>();
            for (String a : i.aliases()) {
                if (handConflict(a, i.category(), handAliases, handSquashed))
                    dropped.computeIfAbsent(Drop.HAND_CONFLICT, k -> new LinkedHashSet<>()).add(a + " (" + i.category() + ")");
                else keep.add(a);
            }
            if (!keep.isEmpty()) agreed.add(new Item(i.name(), i.category(), keep, i.primary()));
        }
        // 3. NSI ambiguities: an alias two categories claim goes to the category whose primary name it is, if only one
        Map<String, Set<String>> primaryCats = new HashMap<>(), allCats = new HashMap<>();
        for (Item i : agreed) {
            for (String a : i.aliases()) {
                String sq = Words.squash(a);
                allCats.computeIfAbsent(sq, k -> new HashSet<>()).add(i.category());
                if (i.primary().contains(sq)) primaryCats.computeIfAbsent(sq, k -> new HashSet<>()).add(i.category());
            }
        }
        MerchantDirectory.Builder out = MerchantDirectory.builder();
        Set<String> seen = new HashSet<>(); // squashed alias + category
        agreed.sort(Comparator.comparing(Item::category).thenComparing(i -> i.name().toLowerCase(Locale.ROOT)));
        for (Item i : agreed) {
            List<String> keep = new ArrayList<>();
            for (String a : i.aliases()) {
                String sq = Words.squash(a);
                Set<String> owners = primaryCats.getOrDefault(sq, allCats.get(sq));
                if (owners.size() > 1 || !owners.contains(i.category())) {
                    dropped.computeIfAbsent(Drop.NSI_AMBIGUOUS, k -> new LinkedHashSet<>()).add(a + " (" + allCats.get(sq) + ")");
                    continue;
                }
                if (seen.add(sq + "|" + i.category())) keep.add(a.toUpperCase(Locale.ROOT));
            }
            if (!keep.isEmpty()) out.add(i.name(), i.category(), keep.toArray(String[]::new));
        }
        MerchantDirectory d = out.build();
        // category order as in merchants.txt
        MerchantDirectory.Builder ordered = MerchantDirectory.builder();
        List<String> order = new ArrayList<>(f.hand().categories());
        for (String c : d.categories()) if (!order.contains(c)) order.add(c);
        for (String c : order)
            for (MerchantDirectory.Entry e : d.entries())
                if (e.category().equals(c)) ordered.add(e.name(), e.category(), e.aliases().toArray(String[]::new));
        return new Result(ordered.build(), dropped, brands);
    }

    static boolean includesUs(JsonNode locationSet) {
        for (JsonNode x : locationSet.path("exclude")) {
            String s = x.asText("").toLowerCase(Locale.ROOT);
            if (s.equals("us") || s.equals("021") || s.equals("019")) return false;
        }
        for (JsonNode x : locationSet.path("include")) {
            String s = x.asText("").toLowerCase(Locale.ROOT);
            if (US_REGIONS.contains(s) || s.startsWith("us-")) return true;
        }
        return false;
    }

    private static void addName(Set<String> names, String n) {
        n = clean(n.replaceAll("\\s*\\([^)]*\\)", "")); // "Baptist Health (Alabama)": the qualifier is not written
        if (n.isEmpty()) return;
        for (String have : names) if (Words.squash(have).equals(Words.squash(n))) return;
        names.add(n);
    }

    /** Without what the text format reserves: '|', brackets (section headers) and a leading '#' (comments). */
    static String clean(String s) {
        return s.replace('|', '/').replace("[", "").replace("]", "").strip().replaceFirst("^#+\\s*", "");
    }

    /** Why {@code name} must not become an alias, or null when it may. */
    static Drop check(String name, List<Pattern> genericWords, Filters f) {
        String plain = Words.stripAccents(name);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c > 127 && Character.isLetter(c)) return Drop.NON_LATIN;
        }
        if (Words.squash(plain).length() < MIN_CHARS) return Drop.SHORT;
        for (Pattern g : genericWords) if (g.matcher(name.strip()).matches()) return Drop.GENERIC;
        if (plain.strip().matches("(?i)(at|on|in|by|to|for|from|of) .*")) return Drop.GENERIC; // "At Home": a phrase
        List<String> w = words(plain);
        if (w.size() == 1 && (f.commonWords().contains(w.get(0).toLowerCase(Locale.ROOT)) || STATEMENT_WORDS.contains(w.get(0))))
            return Drop.COMMON_WORD;
        if (f.places().contains(String.join(" ", w))) return Drop.PLACE;
        if (coveredByCues(w, f.cuePhrases())) return Drop.CUE_WORDS;
        if (w.size() == 1 && cueCompound(w.get(0), f)) return Drop.CUE_WORDS;
        return null;
    }

    /** Words that name a kind of place or business, not a brand ("SHOP", "STORE", "MART"). */
    private static final Set<String> PLACE_WORDS = Set.of("SHOP", "SHOPS", "STORE", "STORES", "PLACE", "HOUSE", "MART",
            "MARKET", "CENTER", "CENTRE", "OUTLET", "DEPOT", "STATION", "SERVICE", "SERVICES", "COMPANY");

    /**
     * True for one word glued from cue words and words naming a kind of place ("COFFEESHOP", "PIZZAPLACE"): it
     * matches the words written apart ("COFFEE SHOP"), since matching ignores spaces. Brands glued from a cue word
     * and any other word ("SMASHBURGER", "LABCORP") stay.
     */
    static boolean cueCompound(String word, Filters f) {
        for (int k = 3; k <= word.length() - 3; k++) {
            String a = word.substring(0, k), b = word.substring(k);
            boolean aCue = coveredByCues(List.of(a), f.cuePhrases()), bCue = coveredByCues(List.of(b), f.cuePhrases());
            if ((aCue || PLACE_WORDS.contains(a)) && (bCue || PLACE_WORDS.contains(b)) && (aCue || bCue)) return true;
        }
        return false;
    }

    /** True when every word is a stop word or part of a cue phrase ("PIZZA KITCHEN", "CITY WATER LIGHT POWER"). */
    static boolean coveredByCues(List<String> w, List<List<String>> cuePhrases) {
        boolean[] covered = new boolean[w.size() + 1]; // covered[i]: words before i can be covered
        covered[0] = true;
        for (int i = 0; i < w.size(); i++) {
            if (!covered[i]) continue;
            if (STOP_WORDS.contains(w.get(i))) covered[i + 1] = true;
            for (List<String> cue : cuePhrases) {
                int n = cue.size();
                if (i + n > w.size()) continue;
                boolean ok = true;
                for (int k = 0; k < n && ok; k++) ok = cueWordMatches(cue.get(k), w.get(i + k));
                if (ok) covered[i + n] = true;
            }
        }
        return covered[w.size()];
    }

    private static boolean cueWordMatches(String cueWord, String word) {
        return cueWord.endsWith("*") ? word.startsWith(cueWord.substring(0, cueWord.length() - 1)) : cueWord.equals(word);
    }

    private static boolean handConflict(String alias, String category, Map<List<String>, Set<String>> handAliases, Map<String, Set<String>> handSquashed) {
        Set<String> same = handSquashed.get(Words.squash(alias));
        if (same != null) return same.size() > 1 || !same.contains(category); // the hand has it: agree or conflict
        // A hand alias extending this one in another category ("KROGER FUEL" for "KROGER") is harmless: the longer
        // match wins. One that this alias extends would be overridden ("WALMART WIRELESS" over "WALMART"): dropped.
        List<String> w = words(alias);
        for (int k = 1; k < w.size(); k++) { // hand aliases this one extends
            Set<String> shorter = handAliases.get(w.subList(0, k));
            if (shorter != null && (shorter.size() > 1 || !shorter.contains(category))) return true;
        }
        return false;
    }

    /** Squashed words of a name ("Chick-fil-A" is CHICK FIL A, as statements and the normaliser split it). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String p : Words.stripAccents(s).split("[\\s\\-/]+")) {
            String q = Words.squash(p);
            if (!q.isEmpty()) out.add(q);
        }
        return List.copyOf(out);
    }

    /** Whole lower-case words of the MiniLM (BERT uncased) tokenizer vocabulary: about 21,700 common words. */
    static Set<String> commonWords() {
        try (InputStream in = NsiImport.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            if (in == null) throw new IllegalStateException("all-minilm-l6-v2-tokenizer.json is not on the classpath");
            JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
            Set<String> out = new HashSet<>();
            for (Iterator<String> it = vocab.fieldNames(); it.hasNext(); ) {
                String w = it.next();
                if (w.matches("[a-z]{2,}")) out.add(w);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> cuePhrases(CueLexicon cues) {
        List<List<String>> out = new ArrayList<>();
        for (CueLexicon.Cue c : cues.cues()) out.add(c.words());
        return List.copyOf(out);
    }

    /** Squashed US state codes and cities of the normaliser's gazetteer ({@code places.txt}). */
    static Set<String> places() {
        Set<String> out = new HashSet<>();
        for (SectionedText.Line l : SectionedText.parse(SectionedText.resource("/io/finrec/nlp/categorize/places.txt")))
            if (l.section().equals("states")) for (String s : l.text().split("\\s+")) out.add(s);
            else out.add(String.join(" ", words(l.text())));
        return out;
    }
}
