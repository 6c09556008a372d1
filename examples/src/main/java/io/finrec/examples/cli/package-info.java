/** The {@code finrec} command line (picocli): one subcommand class per capability. */
package io.finrec.examples.cli;
