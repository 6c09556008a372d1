/**
 * The bank app's alerts engine: configurable rules ({@link io.finrec.examples.alerts.AlertPolicy}, thresholds per
 * customer or segment) run over one customer's activity ({@link io.finrec.examples.alerts.CustomerActivity}) by the
 * {@link io.finrec.examples.alerts.AlertEngine}, producing {@link io.finrec.examples.alerts.Alert}s that carry their
 * evidence and a stable key (so storing them again never duplicates them).
 */
package io.finrec.examples.alerts;
