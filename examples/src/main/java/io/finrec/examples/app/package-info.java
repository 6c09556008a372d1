/**
 * The bank app: the whole pipeline — categorise transactions, spending insights, alerts, recommendations with
 * reasons, social signals, investment strategy and a per-customer HTML report — wired through FinRec's public APIs
 * over the SQLite {@link io.finrec.examples.store.BankStore}, with results written back to it
 * ({@link io.finrec.examples.app.BankApp}). This is the code integrators copy from.
 */
package io.finrec.examples.app;
