/**
 * Model persistence shared by every FinRec model and index: the {@link io.finrec.api.model.ModelFile} container
 * (magic, versions, JSON header, payload, CRC32C), {@link io.finrec.api.model.Provenance},
 * {@link io.finrec.api.model.Fingerprint} and typed {@link io.finrec.api.model.ModelFormatException}s.
 */
package io.finrec.api.model;
