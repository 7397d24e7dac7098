/**
 * Loaded into the server under soak (`node --expose-gc --import …/memory-probe.mjs`): on SIGUSR2
 * it prints one line with the process's memory, before and after a full garbage collection, so
 * the soak reads the heap from outside without any route or code of the server's own.
 */
process.on('SIGUSR2', () => {
  const before = process.memoryUsage();
  globalThis.gc?.();
  const after = process.memoryUsage();
  const sample = {
    rss: before.rss,
    heapUsed: before.heapUsed,
    heapTotal: before.heapTotal,
    heapUsedAfterGc: after.heapUsed,
    rssAfterGc: after.rss,
  };
  process.stderr.write(`accord-memory ${JSON.stringify(sample)}\n`);
});
