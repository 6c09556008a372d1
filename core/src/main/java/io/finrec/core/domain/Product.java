package io.finrec.core.domain;

import io.finrec.core.util.Checks;

/**
 * A product in the bank's catalogue. Immutable and thread-safe; validated at construction.
 *
 * @param id          product id
 * @param name        display name, e.g. "Gold Credit Card"
 * @param type        product family
 * @param riskLevel   risk level 1..5 on the {@link RiskProfile} scale
 * @param eligibility who may be offered the product
 * @param description one-paragraph description shown to customers
 */
public record Product(String id, String name, ProductType type, int riskLevel, Eligibility eligibility,
                      String description) {
    public Product {
        Checks.id(id, "id");
        Checks.text(name, "name");
        Checks.notNull(type, "type");
        Checks.range(riskLevel, 1, 5, "riskLevel");
        Checks.notNull(eligibility, "eligibility");
        Checks.text(description, "description");
    }
}
