// The suites' collections (one Janus, the tiers) each start Chromium and Janus processes: one at a time on the
// shared machine, never side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
