/**
 * The per-customer HTML report of the bank app ({@link io.finrec.examples.report.CustomerReport}): one
 * self-contained page (charts inlined as SVG, no scripts, no external resources) that opens offline in any browser.
 */
package io.finrec.examples.report;
