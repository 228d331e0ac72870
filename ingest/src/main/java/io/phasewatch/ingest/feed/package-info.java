/**
 * Feed configuration: the YAML feed files (id, format, location, schedule, priority, rules,
 * authoritative), csv column mappings, locations (file, http, https only), HTTP limits.
 */
package io.phasewatch.ingest.feed;
