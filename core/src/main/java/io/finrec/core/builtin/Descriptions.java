package io.finrec.core.builtin;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Writes noisy bank-statement descriptions in the many formats real statements use: card-present ("POS 4412 WHOLEFDS
 * MKT #10234 AUSTIN TX", "CHECKCARD 0518 ..."), card-not-present ("AMAZON MKTPL*4L5AC9", "PAYPAL *ETSY"), payment
 * facilitators ("SQ *", "TST* ", "CLV *"), ACH bills ("ACH DEBIT COMCAST CABLE", "ELECTRONIC PMT-WEB, ..."), payroll
 * ("DIRECT DEP ACME CORP PAYROLL PPD ID: ..."), transfers and fees; then varies case and spacing. Stateless.
 */
final class Descriptions {
    private Descriptions() {}

    /** A card-present purchase; {@code debit} allows the debit-card-only formats. */
    static String card(Rand r, Merchant m, ReferenceData.Place where, LocalDate d, boolean debit) {
        String a = alias(r, m);
        String city = where.city(), st = where.state();
        int f = r.nextInt(debit ? 14 : 8);
        String s = switch (f) {
            case 0 -> a + " #" + store(r) + " " + city + " " + st;
            case 1 -> a + " " + store(r) + " " + city + " " + st;
            case 2 -> a + " " + city13(city) + st;
            case 3 -> m.category().equals("dining") ? r.pick("TST* ", "TST *", "SQ *") + a : "SQ *" + a;
            case 4 -> r.pick("CLV *", "PAYPAL *", "PP *", "SQ *") + a;
            case 5 -> a + "*" + r.alnum(r.between(6, 10));
            case 6 -> a + " " + city + " " + st + " " + mmdd(d, "/");
            case 7 -> a + " " + store(r) + " " + city13(city) + " " + st;
            case 8, 9 -> "POS " + r.digits(4) + " " + a + " #" + store(r) + " " + city + " " + st;
            case 10 -> "CHECKCARD " + mmdd(d, "") + " " + a + " " + city + " " + st + " " + r.digits(23);
            case 11 -> "PURCHASE AUTHORIZED ON " + mmdd(d, "/") + " " + a + " " + city + " " + st + " S"
                    + r.digits(15) + " CARD " + r.digits(4);
            case 12 -> "DEBIT CARD PURCHASE - " + a + " " + city + " " + st;
            default -> "Withdrawal from " + title(a);
        };
        return noise(r, s);
    }

    /** A card-not-present purchase (web, app, phone). */
    static String online(Rand r, Merchant m, String state, LocalDate d, boolean debit) {
        String a = alias(r, m);
        int f = r.nextInt(debit ? 9 : 6);
        String s = switch (f) {
            case 0, 1 -> a + "*" + r.alnum(r.between(6, 10));
            case 2 -> r.pick("PAYPAL *", "PP *") + a;
            case 3 -> a + " " + phone(r) + " " + state;
            case 4 -> a + (a.contains(".COM") ? "" : ".COM") + " " + state;
            case 5 -> a + " " + r.pick("WWW.", "HELP.") + a.replaceAll("[^A-Z0-9]", "") + ".COM";
            case 6 -> "PURCHASE AUTHORIZED ON " + mmdd(d, "/") + " " + a + " " + phone(r) + " " + state + " S"
                    + r.digits(15) + " CARD " + r.digits(4);
            case 7 -> "CHECKCARD " + mmdd(d, "") + " " + a + " " + phone(r) + " " + state + " " + r.digits(23);
            default -> "DEBIT CARD PURCHASE - " + a + " " + state;
        };
        return noise(r, s);
    }

    /** A recurring bill: an ACH debit from checking, or a card charge when {@code onCard}. */
    static String bill(Rand r, Merchant m, String state, String customerName, boolean onCard) {
        String a = alias(r, m);
        String s;
        if (onCard) {
            s = switch (r.nextInt(4)) {
                case 0 -> a + " " + phone(r) + " " + state + " " + r.digits(4);
                case 1 -> a + "*" + r.pick("RECURRING", "AUTOPAY", "BILL PAY", "MONTHLY");
                case 2 -> a + "*" + r.alnum(8);
                default -> r.pick("PAYPAL *", "PP *") + a;
            };
        } else {
            s = switch (r.nextInt(8)) {
                case 0 -> "ACH DEBIT " + a + " " + r.pick("WEB PMTS", "BILL PAY", "AUTOPAY", "PAYMENT", "ONLINE PMT");
                case 1 -> "ELECTRONIC PMT-WEB, " + a + " PAYMENT " + r.alnum(8);
                case 2 -> a + " WEB ID: " + r.digits(10);
                case 3 -> "RECURRING PMT " + a + " " + r.digits(10);
                case 4 -> "PreApproved Payment Bill User Payment: " + title(a);
                case 5 -> a + " DES:" + r.pick("BILL PAY", "AUTOPAY", "PAYMENT", "WEB PMT") + " ID:" + r.alnum(9)
                        + " INDN:" + customerName + " CO ID:" + r.digits(10) + " WEB";
                case 6 -> a + " " + phone(r) + " " + state + " " + r.digits(4);
                default -> "ACH DEBIT " + a;
            };
        }
        if (m.category().equals("rent") && r.chance(0.35)) s += r.pick(" RENT", " LEASE PMT", " APT " + r.between(1, 40)
                + r.pick("01", "02", "03", "04", "05", "06", "07", "08", "10", "12"));
        return noise(r, s);
    }

    /** A payroll, pension or business income credit. */
    static String income(Rand r, Merchant m, LocalDate d, String customerName) {
        String a = alias(r, m);
        String s = switch (m.channel()) {
            case PENSION -> switch (r.nextInt(4)) {
                case 0 -> a.startsWith("SSA") ? "SSA TREAS 310 XXSOC SEC" : a + " PENSION PMT";
                case 1 -> "DIRECT DEP " + a + " " + r.pick("PENSION", "ANNUITY", "BENEFIT") + " PPD ID: " + r.digits(10);
                case 2 -> a + " DES:" + r.pick("PENSION", "RETIREMENT", "SOC SEC") + " ID:" + r.digits(9) + " INDN:"
                        + customerName + " CO ID:" + r.digits(10) + " PPD";
                default -> "Preauthorized Deposit from " + title(a);
            };
            case BUSINESS -> switch (r.nextInt(4)) {
                case 0 -> a + " TRANSFER ST-" + r.alnum(12);
                case 1 -> a + " DES:" + r.pick("TRANSFER", "PAYOUT", "SDR DEP") + " ID:" + r.alnum(10) + " INDN:"
                        + customerName + " CO ID:" + r.digits(10) + " CCD";
                case 2 -> "ACH CREDIT " + a + " " + r.pick("PAYOUT", "DEPOSIT", "TRANSFER");
                default -> a + " DEPOSIT " + mmdd(d, "/");
            };
            default -> switch (r.nextInt(7)) {
                case 0 -> "DIRECT DEP " + a + " PAYROLL PPD ID: " + r.digits(10);
                case 1 -> a + " DES:PAYROLL ID:" + r.digits(9) + " INDN:" + customerName + " CO ID:" + r.digits(10)
                        + " PPD";
                case 2 -> a + " PAYROLL " + mmdd(d, "/");
                case 3 -> "Preauthorized Deposit from " + title(a) + " DIR DEP";
                case 4 -> "DIRECT DEP " + r.pick("ADP WAGE PAY", "PAYCHEX EIB", "GUSTO PAY", a) + " PAYROLL PPD ID: "
                        + r.digits(10);
                case 5 -> "PAYROLL " + a + " " + r.pick("DIR DEP", "DIRECT DEP", "SALARY");
                default -> a + " " + r.pick("DIR DEP", "DIRECT DEP", "PAYROLL") + " " + r.digits(6);
            };
        };
        return noise(r, s);
    }

    /** A person-to-person, brokerage, remittance or other-bank transfer. */
    static String transfer(Rand r, Merchant m, boolean outgoing, String counterparty, LocalDate d) {
        String a = alias(r, m);
        String s = switch (m.channel()) {
            case P2P -> switch (r.nextInt(6)) {
                case 0 -> a + " " + (outgoing ? "PAYMENT TO " : "PAYMENT FROM ") + counterparty + " CONF# " + r.alnum(9);
                case 1 -> a + (outgoing ? " TO " : " FROM ") + counterparty + " ON " + mmdd(d, "/") + " REF # "
                        + r.alnum(11);
                case 2 -> a + " * " + counterparty + " CONF# " + r.alnum(9);
                case 3 -> "MOBILE " + a + (outgoing ? " PAYMENT TO " : " PAYMENT FROM ") + counterparty;
                case 4 -> a + (outgoing ? " Payment To Web Id: " : " Payment From Web Id: ") + r.digits(10) + " "
                        + title(counterparty);
                default -> (outgoing ? "MOBILE ONLINE BANKING TRANSFER TO " : "MOBILE ONLINE BANKING TRANSFER FROM ")
                        + counterparty;
            };
            case BROKER -> switch (r.nextInt(3)) {
                case 0 -> a + " ACH WEB ID: " + r.digits(10) + " " + counterparty;
                case 1 -> "ACH " + (outgoing ? "DEBIT " : "CREDIT ") + a + " " + r.pick("INVESTMENT", "FUNDS", "TRANSFER");
                default -> a + (outgoing ? " BUY INVESTMENT " : " SELL PROCEEDS ") + r.alnum(8);
            };
            case BANK -> switch (r.nextInt(3)) {
                case 0 -> a + " " + r.pick("EPAY", "ONLINE PMT", "CRCARDPMT", "AUTOPAY") + " " + r.alnum(10);
                case 1 -> "ONLINE PAYMENT TO " + a + " " + r.digits(4);
                default -> a + " WEB ID: " + r.digits(10);
            };
            case MORTGAGE -> switch (r.nextInt(3)) {
                case 0 -> "ACH DEBIT " + a + " MTG PYMT";
                case 1 -> a + " WEB ID: " + r.digits(10) + " MORTGAGE";
                default -> "ELECTRONIC PMT-WEB, " + a + " PAYMENT " + r.alnum(8);
            };
            case REMIT -> switch (r.nextInt(3)) {
                case 0 -> a + " " + r.pick("MONEY TRANSFER", "SEND MONEY", "INTL TRANSFER") + " " + r.alnum(10);
                case 1 -> "WIRE TYPE:INTL OUT " + a + " BNF:" + counterparty;
                default -> a + "*" + r.alnum(8);
            };
            default -> a + " TRANSFER";
        };
        return noise(r, s);
    }

    /** A transfer between the customer's own accounts ("ONLINE TRANSFER TO SAV XXXXXX1234"). */
    static String internal(Rand r, String kind, boolean outgoing, String last4) {
        String s = switch (r.nextInt(4)) {
            case 0 -> "ONLINE TRANSFER " + (outgoing ? "TO " : "FROM ") + kind + " XXXXXX" + last4;
            case 1 -> (outgoing ? "Transfer To " : "Transfer From ") + title(kind) + " Xxxxxx" + last4;
            case 2 -> "MOBILE TRANSFER " + (outgoing ? "TO " : "FROM ") + kind + " ...." + last4;
            default -> "INTERNET TRANSFER " + (outgoing ? "TO " : "FROM ") + kind + " ACCT " + last4;
        };
        return noise(r, s);
    }

    /** A bank fee. */
    static String fee(Rand r, Merchant m, LocalDate d) {
        String a = alias(r, m);
        String s = switch (r.nextInt(5)) {
            case 0 -> a + " - ITEM " + r.digits(6);
            case 1 -> a + " " + mmdd(d, "/");
            case 2 -> "SERVICE CHARGE " + a;
            case 3 -> title(a);
            default -> a;
        };
        return noise(r, s);
    }

    /** Case and spacing noise: mostly upper case, sometimes lower or title case, sometimes doubled spaces. */
    static String noise(Rand r, String s) {
        double u = r.uniform();
        String out = u < 0.72 ? s.toUpperCase(Locale.ROOT) : u < 0.82 ? s.toLowerCase(Locale.ROOT)
                : u < 0.95 ? title(s) : s;
        if (r.chance(0.10)) out = out.replace(" ", "  ");
        else if (r.chance(0.05)) out = out.replaceFirst(" ", "  ");
        return out;
    }

    static String alias(Rand r, Merchant m) {
        return r.pick(m.aliases());
    }

    /** Title Case, as some banks print descriptions. */
    static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ' || c == '-' || c == '/' || c == '*';
        }
        return b.toString();
    }

    private static String store(Rand r) {
        return Integer.toString(r.between(1, r.chance(0.5) ? 999 : 99_999));
    }

    private static String city13(String city) {
        return city.length() <= 13 ? city : city.substring(0, 13);
    }

    private static String mmdd(LocalDate d, String sep) {
        int m = d.getMonthValue(), day = d.getDayOfMonth();
        return (m < 10 ? "0" : "") + m + sep + (day < 10 ? "0" : "") + day;
    }

    private static String phone(Rand r) {
        return r.pick("800", "888", "877", "866", "855") + "-" + r.digits(3) + "-" + r.digits(4);
    }
}
