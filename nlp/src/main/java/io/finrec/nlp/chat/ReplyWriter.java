package io.finrec.nlp.chat;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/** Writes the short templated reply of a {@link ChatReply}. Stateless and thread-safe. */
final class ReplyWriter {
    private ReplyWriter() {}

    static String write(ParsedMessage parsed, List<ProductMatch> products, boolean upset) {
        StringBuilder b = new StringBuilder();
        if (upset) b.append("I'm sorry you're dealing with this, and I want to help. ");
        if (parsed.isSupportRequest()) return support(b, parsed, products);
        if (products.isEmpty()) {
            b.append("I couldn't find a product you're eligible for that fits this request, "
                    + "but a banker can go through your options with you.");
            return b.toString();
        }
        ProductMatch best = products.get(0);
        String lead = lead(parsed);
        b.append(lead.isEmpty() ? "I'd suggest the " : lead + ", I'd suggest the ").append(best.product().name())
                .append(". ").append(evidence(best));
        if (products.size() == 2) {
            b.append(" You could also look at the ").append(products.get(1).product().name()).append('.');
        } else if (products.size() > 2) {
            b.append(" You could also look at the ").append(products.get(1).product().name()).append(" or the ")
                    .append(products.get(2).product().name()).append('.');
        }
        if (upset) b.append(" If something has gone wrong with your account, I can also put you through to an agent.");
        return b.toString();
    }

    /**
     * The reply to a support message: each issue's support path first, then at most the products the recommender
     * kept (it keeps only those serving a need the message states), offered as an aside, never as the answer.
     */
    private static String support(StringBuilder b, ParsedMessage parsed, List<ProductMatch> products) {
        for (SupportIssue issue : parsed.support()) b.append(issue.supportPath()).append(' ');
        if (!products.isEmpty()) {
            ProductMatch best = products.get(0);
            b.append("Once that's sorted, the ").append(best.product().name()).append(" may also help: ")
                    .append(evidence(best));
            for (ProductMatch m : products.subList(1, products.size()))
                b.append(" You could also look at the ").append(m.product().name()).append('.');
        }
        return b.toString().trim();
    }

    /** "To save $20,000 within 5 years" from the parsed intent, amount and horizon; empty without an intent. */
    private static String lead(ParsedMessage parsed) {
        if (parsed.intents().isEmpty()) return "";
        String verb = switch (parsed.intents().get(0)) {
            case SAVE -> "save";
            case BORROW -> "borrow";
            case INVEST -> "invest";
            case TRAVEL -> "travel";
            case PROTECT -> "protect what matters to you";
            case PAY -> "handle everyday payments";
        };
        StringBuilder b = new StringBuilder("To ").append(verb);
        parsed.amount().ifPresent(a -> {
            if (verb.startsWith("save") || verb.startsWith("borrow") || verb.startsWith("invest"))
                b.append(' ').append(money(a));
        });
        parsed.horizon().ifPresent(h -> b.append(' ').append(horizon(h.months())));
        return b.toString();
    }

    private static String money(AmountMention a) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
        f.setMaximumFractionDigits(2);
        String n = f.format(a.value());
        if (a.currency().isEmpty()) return n;
        return switch (a.currency().get().getCurrencyCode()) {
            case "USD" -> "$" + n;
            case "EUR" -> "€" + n;
            case "GBP" -> "£" + n;
            default -> n + " " + a.currency().get().getCurrencyCode();
        };
    }

    private static String horizon(int months) {
        if (months == 0) return "right away";
        if (months < 24) return "within " + months + (months == 1 ? " month" : " months");
        if (months % 12 == 0) return "over " + months / 12 + " years";
        return "over about " + BigDecimal.valueOf(months / 12.0).setScale(1, java.math.RoundingMode.HALF_UP) + " years";
    }

    /**
     * The first sentence of the product's matched suitability passage, else of its matched overview, else of its
     * description (fee and risk passages read oddly as a reason to choose a product).
     */
    private static String evidence(ProductMatch m) {
        String text = null;
        for (PassageKind kind : new PassageKind[] {PassageKind.SUITABILITY, PassageKind.OVERVIEW}) {
            for (PassageMatch p : m.passages()) {
                if (p.passage().kind() == kind && text == null) text = p.passage().text();
            }
        }
        if (text == null || text.startsWith(m.product().name() + ": ")) text = m.product().description();
        return text.substring(0, firstSentenceEnd(text)).trim();
    }

    private static int firstSentenceEnd(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) return i + 1;
        }
        return text.length();
    }
}
