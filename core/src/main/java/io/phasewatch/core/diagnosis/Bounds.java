package io.phasewatch.core.diagnosis;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A closed interval, written in JSON as the two-element array {@code [lo, hi]}. */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"lo", "hi"})
public record Bounds(double lo, double hi) {}
