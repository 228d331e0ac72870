/**
 * Collectors: one small class per source format, each turning a source's bytes into
 * format-neutral rows plus rejected rows with reasons. A bad row never stops a collector.
 */
package io.phasewatch.ingest.collect;
