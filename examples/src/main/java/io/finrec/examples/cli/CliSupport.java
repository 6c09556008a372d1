package io.finrec.examples.cli;

/** Small helpers shared by the NLP commands. Stateless. */
final class CliSupport {
    private CliSupport() {}

    /** Keeps DJL from ever reaching for the network (FinRec loads every model from local files). */
    static void djlOffline() {
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
    }
}
