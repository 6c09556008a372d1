/**
 * The example app's bank database on embedded SQLite: {@link io.finrec.examples.store.BankStore} (versioned schema,
 * bulk loading, integrity checks, queries).
 */
package io.finrec.examples.store;
