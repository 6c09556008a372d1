/**
 * The built-in bank: {@link io.finrec.core.builtin.BuiltInBank} generates a deterministic, realistic retail bank
 * (customers, accounts, products, interactions, transactions with noisy statement descriptions, loans, savings goals,
 * social posts and market series) from a {@link io.finrec.core.builtin.BankConfig}, and exposes the category names
 * and the product catalogue. See {@code docs/core.md} for the generative model.
 */
package io.finrec.core.builtin;
