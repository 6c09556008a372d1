package io.finrec.core.builtin;

import io.finrec.core.domain.InteractionKind;
import io.finrec.core.domain.LifeEventKind;
import io.finrec.core.domain.Product;
import io.finrec.core.domain.SocialPost;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Social posts whose text carries sentiment: about life events (positive for a wedding or a first home, negative for a
 * job loss), products (approval and delight, refusals and paperwork), fees, declined cards, fraud, trips and the
 * bank's service. Posting frequency grows with the customer's digital affinity. Stateless.
 */
final class Posts {
    private static final String[] HAPPY = {" 🎉", " 😍", " 🙌", " ❤️", " 😊", "!", "!!", "", "", " :)"};
    private static final String[] ANGRY = {" 😡", " 😤", " 🙄", " 😞", " 😩", "!!", ".", "", "", " smh"};
    private static final String[] TAGS = {"", "", "", " #blessed", " #adulting", " #personalfinance", " #moneytips",
        " #life", " #banking"};

    private static final Map<LifeEventKind, String[]> EVENT_TEXTS = Map.of(
            LifeEventKind.NEW_JOB, new String[] {
                "Signed the offer today. New job, new chapter{h}",
                "First day at the new job went great. So excited for what's next{h}",
                "Finally left my old job for a place that actually values me{h}",
                "Got the job!!! All those interviews paid off{h}",
                "New job, bigger paycheck, same old me{h}"},
            LifeEventKind.JOB_LOSS, new String[] {
                "Got laid off today. Not sure what comes next{a}",
                "Lost my job this morning... trying to stay positive but this is scary",
                "Company cut half the team, including me. Great. Just great{a}",
                "Two months without a paycheck and the bills keep coming{a}",
                "Being unemployed is exhausting. Every rejection email hurts{a}"},
            LifeEventKind.WEDDING, new String[] {
                "We said yes! Best day of our lives{h}",
                "Married my best friend this weekend{h}",
                "Wedding planning is wrecking our budget but it's so worth it",
                "Officially Mr. & Mrs.! Thank you all for celebrating with us{h}",
                "Honeymoon mode: activated{h}"},
            LifeEventKind.BABY, new String[] {
                "Welcome to the world, little one. We are so in love{h}",
                "Our baby girl arrived this morning! Mom and baby are healthy{h}",
                "Baby boy is here and nobody in this house is sleeping lol",
                "Diapers cost HOW much?? Parenthood is expensive but worth every penny",
                "Best surprise ever: we're going to be parents{h}"},
            LifeEventKind.FIRST_HOUSE, new String[] {
                "We got the keys!!! Our first home{h}",
                "Closing day! Goodbye rent, hello mortgage{h}",
                "Homeowners at last. Already three trips to Home Depot this week lol",
                "First house! The mortgage process was stressful but we made it{h}",
                "Moving boxes everywhere but it's OURS{h}"},
            LifeEventKind.CAR_PURCHASE, new String[] {
                "Picked up the new car today{h}",
                "Car shopping is exhausting but we finally found the one{h}",
                "Traded in the old clunker. New ride feels amazing{h}",
                "Dealership tried every trick in the book. Still love the car though"},
            LifeEventKind.COLLEGE, new String[] {
                "Move-in day! College life starts now{h}",
                "Dropped my kid off at college today. So proud, so emotional",
                "Tuition bill just arrived. Ouch{a}",
                "Textbooks cost more than my rent. Why{a}",
                "First week of classes done. Loving campus so far{h}"},
            LifeEventKind.RETIREMENT, new String[] {
                "Last day at work after decades. Retirement starts now{h}",
                "Officially retired! Time for the garden and the grandkids{h}",
                "Retirement is great but figuring out the pension paperwork is not",
                "No more alarm clocks. Retired life is good{h}"},
            LifeEventKind.TRAVEL_ABROAD, new String[] {
                "Passports ready, bags packed. Trip of a lifetime starts tomorrow{h}",
                "Booked our big trip abroad! Counting down the days{h}",
                "Exchange rates are brutal right now, but we're going anyway",
                "Can't wait to finally travel overseas again{h}"});

    private static final String[] OPENED_GOOD = {
        "Just opened a {product} with {bank} and it took five minutes in the app. Impressed{h}",
        "Got approved for the {product}{h}",
        "Loving my new {product}. The rewards are actually good{h}",
        "Switched to the {product} at {bank}. Super easy, no paperwork nightmare{h}",
        "Shoutout to {bank} for the {product}. Great rate and friendly staff{h}",
        "The {product} from {bank} is exactly what we needed{h}"};
    private static final String[] OPENED_MEH = {
        "Opened a {product} with {bank}. We'll see how it goes",
        "Signed up for the {product}. Not bad, not amazing either",
        "Anyone else have the {product} from {bank}? Is it worth it?"};
    private static final String[] OPENED_BAD = {
        "Opened a {product} and the paperwork was a nightmare{a}",
        "Took {bank} three weeks to set up my {product}. Not happy{a}",
        "The {product} fees are way higher than they advertised{a}"};
    private static final String[] REFUSED = {
        "{bank} rejected my application for the {product}. Seriously{a}",
        "Denied for the {product} again. No explanation whatsoever. Unbelievable{a}",
        "Applied for the {product} and got turned down. Feeling pretty discouraged{a}",
        "So {bank} won't give me a {product} but keeps sending me ads for it{a}"};
    private static final Map<String, String[]> NOTABLE_TEXTS = Map.of(
            "overdraft", new String[] {
                "Another $35 overdraft fee from {bank}. Fantastic{a}",
                "Overdraft fees should be illegal. {bank} just took $35 over a $4 coffee{a}",
                "Hit with an overdraft fee the day before payday. Thanks a lot {bank}{a}",
                "Three overdraft fees in one week. I'm done with {bank}{a}"},
            "foreign-fee", new String[] {
                "Why is {bank} charging me foreign transaction fees on every purchase abroad{a}",
                "Foreign transaction fees ate half my souvenir budget{a}",
                "Note to self: get a card without foreign transaction fees before the next trip"},
            "fraud", new String[] {
                "Someone used my card in another state. {bank} caught it within minutes and sent a new card. Thank you{h}",
                "Fraud on my account and {bank} kept me on hold for two hours. Terrible{a}",
                "Got a fraud alert from {bank} at 2am. Annoying, but glad they're watching",
                "My card got skimmed at a gas station. {bank} refunded everything fast{h}"},
            "declined", new String[] {
                "Card declined at the grocery store. So embarrassing. {bank} what is going on{a}",
                "My {bank} card got declined AGAIN even though I have money in the account{a}",
                "Declined at checkout with a line behind me. Never again{a}"},
            "late-payment", new String[] {
                "Missed my {detail} payment by two days and got hit with a late fee. Ugh{a}",
                "Late fee on my {detail}. Money is tight this month{a}"},
            "travel", new String[] {
                "Landed in {detail}{h}",
                "Two weeks in {detail}. Best trip ever{h}",
                "{detail} is even more beautiful than I imagined{h}",
                "Lost luggage on the way to {detail}. Not the start we hoped for{a}"});
    private static final String[] CHATTER_GOOD = {
        "Shoutout to the {bank} branch staff, super helpful today{h}",
        "The new {bank} app update is actually great{h}",
        "Paid off my credit card in full this month. Feels good{h}",
        "Hit my savings goal early{h}",
        "{bank} customer service sorted out my issue in one call. Rare these days{h}"};
    private static final String[] CHATTER_BAD = {
        "{bank} app has been down all morning. Can't even check my balance{a}",
        "Forty-five minutes of hold music. {bank} customer service is a joke{a}",
        "Why does every bank make it so hard to close an account{a}",
        "Rent went up again. How is anyone supposed to save{a}",
        "Prices at the grocery store are out of control{a}"};
    private static final String[] CHATTER_NEUTRAL = {
        "Does anyone know if {bank} has good fixed deposit rates right now?",
        "Thinking about refinancing. Any advice?",
        "What's the best way to start investing with a small amount?",
        "Is a high-yield savings account worth it these days?",
        "Budgeting tips, anyone? Trying to spend less on eating out."};

    private Posts() {}

    static List<SocialPost> write(Profile c, Holdings h, Spending s, Rand r, LocalDate start, LocalDate end) {
        List<SocialPost> out = new ArrayList<>();
        if (!r.chance(0.12 + 0.55 * c.digital)) return out;
        int days = (int) ChronoUnit.DAYS.between(start, end);
        List<Object[]> drafts = new ArrayList<>(); // {LocalDate, text}
        for (Map.Entry<LifeEventKind, LocalDate> e : c.events.entrySet()) {
            if (!r.chance(0.75)) continue;
            drafts.add(new Object[] {e.getValue().plusDays(r.between(0, 10)), fill(r, r.pick(List.of(EVENT_TEXTS.get(e.getKey()))), null, "")});
        }
        for (var i : h.interactions) {
            if (i.kind() != InteractionKind.OPENED || i.time().isBefore(start.atStartOfDay().toInstant(ZoneOffset.UTC))
                    || !r.chance(0.4)) continue;
            Product p = BuiltInBank.product(i.productId()).orElseThrow();
            double u = r.uniform();
            String[] pool = u < 0.65 ? OPENED_GOOD : u < 0.85 ? OPENED_MEH : OPENED_BAD;
            drafts.add(new Object[] {i.time().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(r.between(0, 14)),
                fill(r, r.pick(List.of(pool)), p, "")});
        }
        for (Product p : h.refused) {
            if (r.chance(0.7)) drafts.add(new Object[] {start.plusDays(r.nextInt(days)), fill(r, r.pick(List.of(REFUSED)), p, "")});
        }
        for (Spending.Notable n : s.notable) {
            double p = switch (n.kind()) {
                case "fraud", "declined" -> 0.6;
                case "travel" -> 0.5;
                case "late-payment" -> 0.2;
                default -> 0.25;
            };
            if (r.chance(p)) drafts.add(new Object[] {n.date().plusDays(r.between(0, 2)),
                fill(r, r.pick(List.of(NOTABLE_TEXTS.get(n.kind()))), null, n.kind().equals("travel")
                        ? Descriptions.title(n.detail()) : n.detail().toLowerCase(java.util.Locale.ROOT))});
        }
        int chatter = r.poisson(0.5 + 2 * c.digital);
        for (int i = 0; i < chatter; i++) {
            double u = r.uniform() + 0.3 * (c.stress - 0.5);
            String[] pool = u < 0.35 ? CHATTER_GOOD : u < 0.7 ? CHATTER_NEUTRAL : CHATTER_BAD;
            drafts.add(new Object[] {start.plusDays(r.nextInt(days)), fill(r, r.pick(List.of(pool)), null, "")});
        }
        drafts.removeIf(d -> !((LocalDate) d[0]).isBefore(end));
        drafts.sort(Comparator.comparing(d -> (LocalDate) d[0]));
        int n = 0;
        for (Object[] d : drafts) {
            LocalDate date = (LocalDate) d[0];
            out.add(new SocialPost(c.id.replace("C", "S") + "-" + (++n), c.id,
                    date.atTime(r.between(7, 23), r.nextInt(60)).toInstant(ZoneOffset.UTC), (String) d[1]));
        }
        return out;
    }

    private static String fill(Rand r, String template, Product product, String detail) {
        String t = template.replace("{bank}", r.chance(0.7) ? BuiltInBank.BANK_NAME : "@" + BuiltInBank.BANK_NAME)
                .replace("{detail}", detail)
                .replace("{h}", r.pick(HAPPY))
                .replace("{a}", r.pick(ANGRY));
        if (product != null) t = t.replace("{product}", product.name());
        t += r.pick(TAGS);
        if (r.chance(0.05)) t = t.toLowerCase(java.util.Locale.ROOT);
        return t.strip();
    }
}
