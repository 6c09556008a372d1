package io.finrec.examples.cli;

/**
 * One section of {@code finrec demo}. Each capability adds its section (categorise transactions, recommend products,
 * ...) to {@link DemoCommand#SECTIONS}; the demo runs them in order on the bank in SQLite, timing each, and keeps
 * going (with a non-zero exit code at the end) if one fails.
 *
 * <p>Implementations should be stateless; the demo creates one per run.
 */
public interface DemoSection {
    /** A short title, printed as the section header. */
    String title();

    /** Runs the section, printing to {@link DemoContext#out()}. */
    void run(DemoContext context) throws Exception;
}
