/**
 * DIAGNOSTIC (node -r): prints the event-loop delay histogram and GC pause totals of the
 * process to stderr when it exits, to tell whether latency tails come from the loop being
 * blocked (synchronous SQLite, long GC pauses) or from queueing.
 */
const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
const h = monitorEventLoopDelay({ resolution: 5 });
h.enable();
const gc = { count: 0, ms: 0, max: 0, byKind: {} };
const kinds = { 1: 'scavenge', 2: 'mark-compact', 4: 'incremental', 8: 'weak-callbacks', 16: 'all' };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.count += 1;
    gc.ms += e.duration;
    gc.max = Math.max(gc.max, e.duration);
    const k = kinds[e.detail?.kind] ?? String(e.detail?.kind);
    const b = (gc.byKind[k] ??= { count: 0, ms: 0, max: 0 });
    b.count += 1; b.ms += e.duration; b.max = Math.max(b.max, e.duration);
  }
}).observe({ entryTypes: ['gc'] });
process.on('exit', () => {
  const ms = (ns) => (ns / 1e6).toFixed(1);
  process.stderr.write(`loop-delay: p50 ${ms(h.percentile(50))} ms, p99 ${ms(h.percentile(99))} ms, p99.9 ${ms(h.percentile(99.9))} ms, max ${ms(h.max)} ms over ${h.count} samples\n`);
  process.stderr.write(`loop-delay: GC ${gc.count} pauses, ${gc.ms.toFixed(0)} ms total, longest ${gc.max.toFixed(1)} ms; ${Object.entries(gc.byKind).map(([k, b]) => `${k} ${b.count}× ${b.ms.toFixed(0)} ms (max ${b.max.toFixed(1)})`).join(', ')}\n`);
});
