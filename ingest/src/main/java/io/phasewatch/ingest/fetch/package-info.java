/**
 * Reading a feed's location: files, and HTTP(S) with timeouts, a size cap, conditional GET and
 * retries with backoff.
 */
package io.phasewatch.ingest.fetch;
