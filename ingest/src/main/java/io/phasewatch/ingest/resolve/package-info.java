/**
 * Model metadata, resolved carefully: canonical ids, family rules, parameter counts from names
 * and tables, kinds from type columns, widths from a table, the rule that picks one row among
 * duplicates, and the provenance of every resolved field.
 */
package io.phasewatch.ingest.resolve;
