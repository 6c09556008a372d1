package io.finrec.nlp.categorize.text;

/** What a token of a statement description is. */
public enum TokenKind {
    /** Letters, possibly with a few digits ("WHOLEFDS", "7-ELEVEN", "P0"). */
    WORD,
    /** Digits only ("4412", "0"). */
    NUMBER,
    /** A date such as "01/08" or "01/08/24". */
    DATE,
    /** A phone number such as "800-960-0335". */
    PHONE,
    /** A reference or card code mixing letters and digits ("S686267261430368", "LK22MZEM1"). */
    CODE,
    /** A masked account number ("XXXXXX6484"). */
    MASKED,
    /** A '*' separator (processor prefixes "SQ *", reference suffixes "*MKPM7VT46"). */
    STAR,
    /** A '#' marker (store numbers "#10234"). */
    HASH
}
