import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ChildMessage, LoadConfig, ParentMessage } from '../types';
import { BenchClient } from './client';
import { report, type DocRun } from './report';
import { Samples } from './samples';
import { openParagraph, seedDocument, typeChange } from './typing';
import { STEP1, Wire } from './wire';
import * as Y from 'yjs';

/**
 * The load generator, a process of its own so that simulated clients never share a CPU
 * scheduler slot with the server being measured. Driven over IPC by bench/run.ts:
 * config → (connect everyone) → ready → go → (type to warm up) → measuring → (type, fire the
 * event) → typing-done → result. Delivery and convergence cover every change, warm-up included;
 * latency, bytes and the generator's CPU cover the measured window only.
 */

const tell = (message: ChildMessage) =>
  new Promise<void>((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, undefined, () => resolve());
  });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function inBatches<T>(
  items: T[],
  size: number,
  each: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map(each));
}

async function seed(doc: DocRun, bytes: number): Promise<void> {
  const client = doc.seed!;
  await client.connect();
  seedDocument(client, bytes);
  // The server answers a sync request after what came before it on the socket: once this
  // answer is here, the seed is in the server's document.
  client.syncedAt = -1;
  client.send(doc.wire.sync(STEP1, Y.encodeStateVector(client.doc!)));
  await client.whenSynced();
}

function build(config: LoadConfig): DocRun[] {
  let nextWriter = 0;
  return config.docs.map((target) => {
    const wire = new Wire(config.dialect, target.name);
    const context = { wire, samples: new Samples() };
    const urls = [...target.urls];
    const take = () => urls.shift() ?? '';
    const seedClient =
      target.seedBytes > 0 ? new BenchClient(take(), 'seed', context, -1, 'seed') : null;
    const writers = Array.from({ length: target.writers }, (_, i) => {
      const index = nextWriter++;
      return new BenchClient(take(), 'writer', context, index, `writer ${i}`);
    });
    const readers = Array.from(
      { length: target.readers },
      (_, i) => new BenchClient(take(), i === 0 ? 'probe' : 'reader', context, -1, `reader ${i}`),
    );
    const joiners = Array.from(
      { length: target.joiners },
      (_, i) => new BenchClient(take(), 'reader', context, -1, `joiner ${i}`),
    );
    return {
      target,
      wire,
      samples: context.samples,
      seed: seedClient,
      writers,
      readers,
      joiners,
      sent: new Map(),
    };
  });
}

async function run(config: LoadConfig, go: Promise<void>): Promise<void> {
  const docs = build(config);
  for (const doc of docs) if (doc.seed) await seed(doc, doc.target.seedBytes);
  const present = docs.flatMap((doc) => [...doc.writers, ...doc.readers]);
  await inBatches(present, 50, (client) => client.connect());
  const paragraphs = new Map(
    docs.flatMap((doc) => doc.writers.map((w) => [w, openParagraph(w)] as const)),
  );
  // Let the paragraphs reach everyone before anything is measured.
  await pause(500);
  await tell({ type: 'ready' });
  await go;

  const clients = () => docs.flatMap((doc) => [...doc.writers, ...doc.readers, ...doc.joiners]);
  const bytesIn = () => clients().reduce((sum, client) => sum + client.bytesIn, 0);
  const typingStart = performance.now();
  const start = typingStart + config.warmupSeconds * 1000;
  const end = start + config.seconds * 1000;
  const period = 1000 / config.changesPerSecond;
  const timers: NodeJS.Timeout[] = [];
  for (const doc of docs) {
    for (const writer of doc.writers) {
      const times: number[] = [];
      doc.sent.set(writer.writerIndex, times);
      const text = paragraphs.get(writer)!;
      // A random phase per writer, then a drift-free schedule: writers do not type in lockstep.
      let due = typingStart + Math.random() * period;
      const tick = () => {
        if (writer.syncedAt >= 0) times.push(typeChange(writer, text, times.length));
        due += period;
        if (due < end) timers.push(setTimeout(tick, Math.max(0, due - performance.now())));
      };
      timers.push(setTimeout(tick, due - typingStart));
    }
  }

  await pause(start - performance.now());
  const bytesBefore = bytesIn();
  const cpuBefore = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  await tell({ type: 'measuring' });

  let eventStart = -1;
  let eventEnd = -1;
  // The generator's own worst stall while the event's latency is measured: 200 clients
  // reconnecting cost the generator too, and a late timestamp reads as server latency.
  const eventLoop = monitorEventLoopDelay({ resolution: 1 });
  const event = pause(config.eventAt * 1000).then(async () => {
    const stormed = docs
      .filter((doc) => doc.target.storm)
      .flatMap((doc) => [...doc.writers, ...doc.readers]);
    const joining = docs.flatMap((doc) => doc.joiners);
    if (stormed.length === 0 && joining.length === 0) return;
    eventStart = performance.now();
    eventLoop.enable();
    for (const client of stormed) client.drop();
    await Promise.all([...stormed, ...joining].map((client) => client.connect()));
    eventEnd = performance.now();
    await pause(1000);
    eventLoop.disable();
  });

  await pause(end - performance.now());
  for (const timer of timers) clearTimeout(timer);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();
  const bytes = bytesIn() - bytesBefore;
  await tell({ type: 'typing-done' });
  await Promise.race([event, pause(30_000)]);
  // Drain: wait until nothing has arrived for half a second (at most 10 s).
  for (let last = -1, waited = 0; waited < 10_000; waited += 500) {
    const now = bytesIn();
    if (now === last) break;
    last = now;
    await pause(500);
  }
  const result = report(docs, {
    measuredFrom: start,
    eventStart,
    eventEnd,
    bytesPerClientSecond: bytes / clients().length / seconds,
    generatorCpu: (cpu.user + cpu.system) / 1e6 / seconds,
    generatorLoopP99: loop.percentile(99) / 1e6,
    generatorEventLagMax: eventStart >= 0 ? eventLoop.max / 1e6 : null,
  });
  await tell({ type: 'result', result });
  for (const client of clients()) client.close();
  for (const doc of docs) doc.seed?.close();
}

let release: () => void = () => undefined;
const go = new Promise<void>((resolve) => (release = resolve));
process.on('message', (message: ParentMessage) => {
  if (message.type === 'go') release();
  if (message.type === 'config') {
    run(message.config, go).then(
      () => process.exit(0),
      (error: unknown) => {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        void tell({ type: 'error', message: text }).then(() => process.exit(1));
      },
    );
  }
});
// The orchestrator owns this process: if it goes, so do we.
process.on('disconnect', () => process.exit(0));
