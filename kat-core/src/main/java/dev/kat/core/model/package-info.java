/**
 * The records a community submits for recognition: {@link dev.kat.core.model.Contribution} with its
 * {@link dev.kat.core.model.Review}s and {@link dev.kat.core.model.Evidence}, the stakeholder
 * {@link dev.kat.core.model.Roles} of the KAT framework, and the {@link dev.kat.core.model.Cycle} they
 * belong to. All immutable values.
 */
package dev.kat.core.model;
