package io.phasewatch.core.frontier;

/**
 * A release with its h-field value and label, METHOD.md §3.2.
 *
 * @param h B2 − (β1·B1 + β0), percentage points
 */
public record ReleaseH(Release release, double h, HLabel label) {}
