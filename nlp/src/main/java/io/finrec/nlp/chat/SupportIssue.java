package io.finrec.nlp.chat;

import io.finrec.core.domain.ProductType;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A problem a customer reports that a product cannot fix: the reply must first say what to do about it (the support
 * path), and may add at most a product of a family that could address the issue ({@link #remedies()}) serving a need
 * the message states (see {@link ChatRecommender}). Cued by phrases about the card, the account or the bank's service, not by mood: "this
 * rate is ridiculous, where can I earn more?" is a product question, "my card got declined again" is a support one.
 * Immutable and thread-safe.
 */
public enum SupportIssue {
    /** A payment or transaction the customer did not make, a scam, a hacked account or stolen identity. */
    FRAUD("fraud\\w*|scam\\w*|unauthori[sz]ed|hacked|phishing|identity theft|theft of my|(?:didn'?t|did not|never) "
            + "(?:make|authori[sz]e|recogni[sz]e)|don'?t recogni[sz]e|someone (?:used|took|is using|stole)",
            "If there are payments you didn't make, freeze your card in the app and call us right away on the number "
                    + "on the back of it; we will block it, investigate and refund what isn't yours.",
            Set.of(), null),
    /** A lost or stolen card, wallet, phone or cheque book. */
    LOST_OR_STOLEN("(?:lost|misplaced|can'?t find|stolen|stole) (?:my |our |the )?(?:\\w+ )?(?:cards?|wallet|purse|"
            + "phone|cheque ?book|check ?book)|(?:cards?|wallet|purse|phone)(?: \\w+){0,2} (?:was |were |got |has been "
            + "|have been |is |are )?(?:lost|stolen|missing)",
            "Please freeze your card in the app now, then call us to cancel it; we will send a replacement and check for "
                    + "payments you didn't make.",
            Set.of(), null),
    /** The customer cannot get into their account or online banking. */
    ACCOUNT_LOCKED("locked out|(?:account|app|login|online banking)(?: \\w+){0,2} (?:is |was |got |has been )?"
            + "(?:locked|frozen|blocked|suspended)|(?:can'?t|cannot|unable to|not able to) (?:log ?in|sign ?in|access|"
            + "get into)|forgot (?:my )?(?:password|pin)",
            "To get back into your account, use 'Forgot password' in the app or call us; we will check it's you and "
                    + "unlock it.",
            Set.of(), null),
    /** A card or payment declined, refused, blocked or not working. */
    CARD_DECLINED("(?:card|payment|transaction|purchase)s?(?: \\w+){0,3} (?:declined|rejected|refused|blocked|bounced|"
            + "swallowed|not working|stopped working|(?:doesn'?t|does not|won'?t|isn'?t|is not) work\\w*)|declined "
            + "(?:my|the|our) (?:card|payment)",
            "Let's find out why your card was declined: check in the app that it isn't frozen and that the payment is "
                    + "within your balance and limit; if it keeps happening, call us and we will go through the "
                    + "declined payments with you.",
            EnumSet.of(ProductType.CREDIT_CARD, ProductType.FOREX),
            "a card that keeps working when you pay abroad or online, with no foreign transaction fees"),
    /** A complaint about the bank's service or charges. */
    COMPLAINT("complain\\w*|complaint|unacceptable|disgrace\\w*|(?:worst|terrible|awful|useless|appalling) "
            + "(?:bank|service|customer service|support)|overcharg\\w*|charged (?:me )?twice|double[- ]charged|"
            + "on hold for|(?:speak|talk) to (?:a|your) manager|ombudsman",
            "You can raise a complaint in the app or by phone and an agent will get back to you; I can also put you "
                    + "through to one now.",
            EnumSet.complementOf(EnumSet.copyOf(Intent.BORROW.productTypes())), null);

    private final Pattern cue;
    private final String supportPath;
    private final Set<ProductType> remedies;
    private final Optional<String> remedy;

    SupportIssue(String cues, String supportPath, Set<ProductType> remedies, String remedy) {
        this.cue = Pattern.compile("\\b(?:" + cues + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.supportPath = supportPath;
        this.remedies = Set.copyOf(remedies);
        this.remedy = Optional.ofNullable(remedy);
    }

    /**
     * The product families that could address this issue (a card that works abroad for a declined card; none when the
     * card or account may be compromised: then the reply is support only). Never lending.
     */
    public Set<ProductType> remedies() {
        return remedies;
    }

    /**
     * What a product addressing the issue does, in words; {@link ChatRecommender} searches with it beside the message
     * so that, say, a card declined abroad finds a card without foreign fees rather than a money-transfer service.
     */
    public Optional<String> remedy() {
        return remedy;
    }

    /** What the customer should do, and what the bank will do, as one or two sentences of a reply. */
    public String supportPath() {
        return supportPath;
    }

    /** Whether this issue is a security one (the card or account may be compromised), as opposed to a complaint. */
    public boolean urgent() {
        return this != COMPLAINT;
    }

    /** Whether the (lower- or mixed-case) text cues this issue. */
    boolean isCuedBy(String text) {
        return cue.matcher(text).find();
    }
}
