/**
 * The benchmarks phasewatch knows: canonical ids, what each measures, how it is usually
 * published, its chance level, and the aliases real feeds use for it (METHOD.md §1, §3).
 * Collectors resolve a feed's label to a canonical id here before publishing a score.
 */
package io.phasewatch.core.catalogue;
