/**
 * The base-model analysis of METHOD.md §1: the local coupling γ12 and phases of a family, the
 * population coupling of a panel with its permutation test, the critical scale N_c (quadratic
 * vertex, bootstrap, γ12 zero crossing, per-family estimate and crossing interval), width
 * normalisation, the isocline classifier, eigenstructure, the linear scaling ODE and its sparse
 * (STLSQ) variant, and cross-prediction.
 *
 * <p>Every function is pure and deterministic for the same input set: lists are sorted inside
 * (by size, then model name). Degenerate input gives {@code Outcome.undefined("…")} with a
 * readable reason, never NaN and never an exception; only programming errors (a negative count
 * in a configuration, arrays of different lengths) throw.
 */
package io.phasewatch.core.base;
