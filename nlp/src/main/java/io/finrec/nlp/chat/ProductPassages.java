package io.finrec.nlp.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finrec.core.domain.Product;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The passages FinRec ships for a product catalogue: for every product an {@link PassageKind#OVERVIEW} (its name
 * and description) plus who it suits, its fees and its risks. The built-in bank's products have hand-written
 * passages ({@code product-passages.json}); any other product gets passages from its family's templates
 * ({@code type-passages.json}), so a bank's own catalogue works out of the box and can be refined by adding its own
 * passages. Stateless and thread-safe.
 */
public final class ProductPassages {
    private static final JsonNode SPECIFIC = read("product-passages.json");
    private static final JsonNode BY_TYPE = read("type-passages.json");
    private static final Map<String, PassageKind> FIELDS = Map.of("suits", PassageKind.SUITABILITY,
            "fees", PassageKind.FEES, "risks", PassageKind.RISKS);
    private static final List<String> ORDER = List.of("suits", "fees", "risks");

    private ProductPassages() {}

    /** Four passages per product (overview, suitability, fees, risks), in catalogue order. */
    public static List<Passage> forCatalogue(List<Product> products) {
        Objects.requireNonNull(products, "products");
        List<Passage> out = new ArrayList<>(products.size() * 4);
        for (int i = 0; i < products.size(); i++) {
            Product p = Objects.requireNonNull(products.get(i), "products[" + i + "]");
            out.add(new Passage(p.id() + "#overview", p.id(), PassageKind.OVERVIEW, p.name() + ": " + p.description()));
            JsonNode specific = SPECIFIC.get(p.id());
            JsonNode template = BY_TYPE.get(p.type().name());
            for (String field : ORDER) {
                String text;
                if (specific != null && specific.hasNonNull(field)) text = specific.get(field).asText();
                else if (template != null && template.hasNonNull(field))
                    text = template.get(field).asText().replace("{name}", p.name());
                else continue;
                out.add(new Passage(p.id() + "#" + field, p.id(), FIELDS.get(field), text));
            }
        }
        return List.copyOf(out);
    }

    /** Whether FinRec ships hand-written passages for this product id. */
    public static boolean hasSpecificPassages(String productId) {
        return SPECIFIC.has(productId);
    }

    private static JsonNode read(String name) {
        try (InputStream in = ProductPassages.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("resource " + name + " is missing from finrec-nlp");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
