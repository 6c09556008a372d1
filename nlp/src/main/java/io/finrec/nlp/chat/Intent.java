package io.finrec.nlp.chat;

import io.finrec.core.domain.ProductType;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a customer wants to do, as cued by words in a message. A message may carry several intents ("borrow for a
 * trip" is BORROW and TRAVEL). Each intent names the product families that serve it; {@link ChatRecommender} gives
 * those families a bonus. Immutable and thread-safe.
 */
public enum Intent {
    /** Put money aside: savings accounts, deposits, goal saving. */
    SAVE("save|saving|savings|set aside|put aside|put away|put (?:some )?money (?:aside|away)|nest egg|emergency fund|"
            + "rainy day|deposit|stash|build up (?:a |my )?(?:fund|cushion|pot)|college fund|interest on my (?:cash|money)",
            "save|saving|savings|set aside|put aside|nest egg|emergency fund|rainy day|college fund|"
                    + "interest on my (?:cash|money)",
            EnumSet.of(ProductType.SAVINGS_ACCOUNT, ProductType.RECURRING_DEPOSIT, ProductType.FIXED_DEPOSIT)),
    /** Borrow: loans, mortgages, credit lines, cards as credit. */
    BORROW("borrow|borrowing|loan|loans|mortgage|refinanc\\w*|lend|lending|finance (?:a|my|the)|financing|credit line|"
            + "line of credit|overdraft|consolidat\\w*|buy (?:a |my |our )?(?:first )?(?:house|home|flat|apartment|car|"
            + "vehicle)|down payment|tuition|pay for (?:college|university|school)|afford|debt",
            null,
            EnumSet.of(ProductType.HOME_LOAN, ProductType.CAR_LOAN, ProductType.PERSONAL_LOAN,
                    ProductType.EDUCATION_LOAN)),
    /** Grow wealth: funds, portfolios, advice, retirement and tax-advantaged plans. */
    INVEST("invest|investing|investment|investments|stocks?|shares|equit(?:y|ies)|etfs?|index funds?|mutual funds?|"
            + "bonds?|portfolio|grow (?:my |our )?(?:money|savings|wealth)|returns?|wealth|retire|retirement|"
            + "pension|ira|401k|brokerage|trading|tax|taxes",
            null,
            EnumSet.of(ProductType.INVESTMENT, ProductType.INVESTMENT_ADVISORY, ProductType.RETIREMENT,
                    ProductType.TAX_PLANNING)),
    /** Travel or money abroad: currency, travel cards, travel cover. */
    TRAVEL("travel|travelling|traveling|trip|holiday|holidays|vacation|abroad|overseas|foreign|currency|currencies|"
            + "exchange rate|forex|flight|flights|airport|lounge|miles|send money (?:home|abroad|to)|remit\\w*",
            "abroad|overseas|foreign|currency|currencies|exchange rate|forex|send money (?:home|abroad)|"
                    + "remit\\w*",
            EnumSet.of(ProductType.FOREX, ProductType.CREDIT_CARD, ProductType.INSURANCE)),
    /** Protect people or things: insurance. */
    PROTECT("insure|insurance|insured|protect|protection|cover|coverage|life cover|if (?:something|anything) "
            + "happens|accident|theft|stolen|medical|health|hospital|funeral|dependants|dependents|peace of mind",
            "insure|insurance|insured|protection|coverage|life cover|peace of mind",
            EnumSet.of(ProductType.INSURANCE)),
    /** Pay and spend day to day: accounts and cards. */
    PAY("pay|paying|payment|payments|bills?|rent|salary|paycheck|direct deposit|transfer|spend|spending|shopping|"
            + "groceries|everyday|debit card|checking|current account|cash ?back|rewards?|points|card",
            "cash ?back|rewards?|points",
            EnumSet.of(ProductType.CURRENT_ACCOUNT, ProductType.CREDIT_CARD));

    private final Pattern cue;
    private final Pattern need;
    private final Set<ProductType> productTypes;

    /**
     * @param cues  words that cue the intent, context included ("airport" cues TRAVEL)
     * @param needs the subset that states a need for a product of the family on its own ("abroad", "foreign
     *              currency"), which a support message must carry for a product to be offered; null: all cues
     */
    Intent(String cues, String needs, Set<ProductType> productTypes) {
        this.cue = pattern(cues);
        this.need = needs == null ? cue : pattern(needs);
        this.productTypes = Set.copyOf(productTypes);
    }

    private static Pattern pattern(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The product families that serve this intent. */
    public Set<ProductType> productTypes() {
        return productTypes;
    }

    /**
     * Whether the text states a need this intent's products serve, beyond context: "use my card abroad" does (TRAVEL),
     * "declined at the airport" does not. {@link ChatRecommender} offers products to a message reporting a
     * {@link SupportIssue} only for such needs.
     */
    boolean isNeedStatedIn(String text) {
        return need.matcher(text).find();
    }

    /** Number of cue matches in a (lower- or mixed-case) text. */
    int cueCount(String text) {
        var m = cue.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
