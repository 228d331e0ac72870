package io.phasewatch.cli.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;

/** The terminal summary of a {@link BenchResult}. */
final class ResultTable {
  private ResultTable() {}

  static void print(BenchResult r, PrintWriter out) {
    BenchResult.Setup s = r.setup();
    out.printf(Locale.ROOT, "phasewatch bench: %,d families x %d sizes, %d cohorts x %d releases,"
            + " seed %d, %d partitions%n", s.families(), s.sizes(), s.cohorts(), s.cohortSize(),
        s.seed(), s.partitions());
    out.printf(Locale.ROOT, "  %,d records: %,d models + %,d scores; pooled panel of %,d models;"
            + " %d cores, Java %s, load average %.1f at start, %.1f at end%n", s.records(),
        s.models(), s.scores(), s.panelModels(), r.machine().cores(), r.machine().javaVersion(),
        r.machine().loadAverageAtStart(), r.machine().loadAverageAtEnd());
    out.printf(Locale.ROOT, "  %s%n%n", s.warmupRounds() == 0
        ? "cold start: no warm-up round (the JIT compiles while it measures)"
        : s.warmupRounds() + " warm-up round(s) of every application on a copy of the records"
            + " first");

    out.printf(Locale.ROOT, "  %-30s %12s %9s %8s %15s %9s%n", "stage", "records/s", "seconds",
        "vs raw", "vs pass-through", "vs keyed");
    BenchResult.Seconds t = r.seconds();
    out.printf(Locale.ROOT, "  %-30s %,12.0f %9.2f%n", "raw produce", r.rawProduceRps(),
        t.rawProduce());
    out.printf(Locale.ROOT, "  %-30s %,12.0f %9.2f%n", "raw consume", r.rawConsumeRps(),
        t.rawConsume());
    out.printf(Locale.ROOT, "  %-30s %,12.0f %9.2f%n", "pass-through (exactly-once)",
        r.passthroughRps(), t.passthrough());
    out.printf(Locale.ROOT, "  %-30s %,12.0f %9.2f %8s %15.3f%n", "keyed pass-through (2 hops)",
        r.keyedPassthroughRps(), t.keyedPassthrough(), "",
        r.keyedPassthroughRps() / r.passthroughRps());
    out.printf(Locale.ROOT, "  %-30s %,12.0f %9.2f %8.3f %15.3f %9.3f%n",
        "phasewatch (exactly-once)", r.phasewatchRps(), t.phasewatch(), r.ratioVsRaw(),
        r.ratioVsPassthrough(), r.ratioVsKeyedPassthrough());
    out.printf(Locale.ROOT, "  (start-up, not included: pass-through %.1f s, phasewatch %.1f s;"
            + " last backfill diagnosis %.1f s after the last record,%n   recompute interval"
            + " %,d ms)%n%n", t.passthroughStartup(), t.phasewatchStartup(),
        t.phasewatchSettle(), s.recomputeIntervalMs());

    BenchResult.Offered o = r.offered();
    out.printf(Locale.ROOT, "  latency at %,.0f scores/s offered (%,.0f achieved) for %.0f s,"
            + " exactly-once:%n", o.rate(), o.achievedRate(), o.durationSeconds());
    out.printf(Locale.ROOT, "  %-30s %9s %9s %9s %9s %8s %8s%n", "", "p50 ms", "p95 ms",
        "p99 ms", "max ms", "samples", "missing");
    row(out, "publish -> family diagnosis", r.latencyMs().diagnosis());
    row(out, "publish -> alert (topic)", r.latencyMs().alert());
    row(out, "publish -> alert (webhook)", r.latencyMs().alertDelivered());
    out.printf(Locale.ROOT, "  (%,d alert triggers over %d families; %d alerts not matched to a"
        + " trigger)%n", o.alertTriggers(), o.triggerFamilies(), o.unexpectedAlerts());
    o.unexpected().forEach(a -> out.printf(Locale.ROOT, "    not matched: %s%n", a));
    out.println();

    out.printf(Locale.ROOT, "  heap: peak %s sampled while phasewatch ran, %s live after the"
            + " backfill, max %s%n", mib(r.peakHeapBytes()), mib(r.liveHeapAfterBackfillBytes()),
        mib(r.maxHeapBytes()));
    out.printf(Locale.ROOT, "  state: %,.0f bytes/model on disk (RocksDB, %s), %,.0f bytes/model"
            + " in changelogs (%s)%n", r.stateBytesPerModel(), mib(r.stateBytes()),
        r.changelogBytesPerModel(), mib(r.changelogBytes()));
    if (r.streamThreadFailures() > 0) {
      out.printf(Locale.ROOT, "%n  WARNING: %d stream threads of the phasewatch application failed"
          + " during the run (see its log); the numbers above are not valid.%n",
          r.streamThreadFailures());
    }
    out.flush();
  }

  private static void row(PrintWriter out, String label, LatencySummary l) {
    out.printf(Locale.ROOT, "  %-30s %9s %9s %9s %9s %8d %8d%n", label, ms(l.p50()), ms(l.p95()),
        ms(l.p99()), ms(l.max()), l.samples(), l.missing());
  }

  private static String ms(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.0f", v.getAsDouble()) : "-";
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024.0));
  }
}
