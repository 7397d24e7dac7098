import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ChildMessage, EventWindow, LoadConfig, ParentMessage } from '../types';
import { BenchClient } from './client';
import { HostileSocket } from './hostile';
import { report, type DocRun } from './report';
import { Samples } from './samples';
import { negotiate, type Person } from './negotiation';
import { openParagraph, seedDocument, typeChange } from './typing';
import { STEP1, Wire } from './wire';
import * as Y from 'yjs';

/**
 * The load generator, a process of its own so that simulated clients never share a CPU
 * scheduler slot with the server being measured. A scenario's reporting groups each get a
 * generator process of their own (bench/round.ts), so that 200 clients reconnecting in one
 * room cannot delay the timestamps taken in another. Driven over IPC:
 * config → (connect everyone) → ready → go → (type to warm up) → measuring → (type, fire the
 * event) → typing-done → event-done → report → result. Delivery and convergence cover every
 * change, warm-up included; latency, bytes and the generator's CPU cover the measured window only.
 */

const tell = (message: ChildMessage) =>
  new Promise<void>((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, undefined, () => resolve());
  });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Monotonic time as epoch milliseconds: comparable between the generator processes. */
const toEpoch = (local: number) => performance.timeOrigin + local;
const fromEpoch = (epoch: number) => epoch - performance.timeOrigin;

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
    // The hostile socket takes the last URL: its own link, after every measured client's.
    const hostile = target.hostile
      ? new HostileSocket(urls.pop() ?? '', wire, target.hostile)
      : null;
    return {
      target,
      wire,
      hostile,
      samples: context.samples,
      seed: seedClient,
      writers,
      readers,
      joiners,
      sent: new Map(),
    };
  });
}

/** Who a writer is on the server (invented where the server knows nobody). */
function personOf(doc: DocRun, writer: BenchClient): Person {
  const index = doc.writers.indexOf(writer) + (doc.seed ? 1 : 0);
  return (
    doc.target.people?.[index] ?? {
      participant: `writer-${writer.writerIndex}`,
      delegation: `Delegation ${writer.writerIndex + 1}`,
      chair: index === (doc.seed ? 1 : 0),
    }
  );
}

async function run(
  config: LoadConfig,
  go: Promise<void>,
  reporting: Promise<EventWindow | null>,
): Promise<void> {
  const docs = build(config);
  for (const doc of docs) if (doc.seed) await seed(doc, doc.target.seedBytes);
  const present = docs.flatMap((doc) => [...doc.writers, ...doc.readers]);
  await inBatches(present, 50, (client) => client.connect());
  const paragraphs = new Map(
    docs.flatMap((doc) => doc.writers.map((w) => [w, openParagraph(w)] as const)),
  );
  // Let the paragraphs reach everyone before anything is measured.
  await pause(500);
  const hostiles = docs.flatMap((doc) => (doc.hostile ? [doc.hostile] : []));
  await Promise.all(hostiles.map((hostile) => hostile.connect()));
  await tell({ type: 'ready' });
  await go;
  for (const hostile of hostiles) hostile.start();

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
      const person = doc.target.negotiation ? personOf(doc, writer) : null;
      const tick = () => {
        if (writer.syncedAt >= 0) times.push(typeChange(writer, text, times.length));
        // Every fourth change is followed by a bracket, comment, proposal or status change.
        if (person && writer.syncedAt >= 0 && times.length % 4 === 0) {
          negotiate(writer, text, times.length / 4, person);
        }
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
  // The generator's own worst stall while the event's latency is measured: clients
  // reconnecting cost a generator too, and a late timestamp reads as server latency. Every
  // generator watches its own loop from the event's scheduled time until the report, whether
  // or not the event's clients are its own.
  const eventLoop = monitorEventLoopDelay({ resolution: 1 });
  const event =
    config.eventAt === null
      ? Promise.resolve()
      : pause(config.eventAt * 1000).then(async () => {
          eventLoop.enable();
          const stormed = docs
            .filter((doc) => doc.target.storm)
            .flatMap((doc) => [...doc.writers, ...doc.readers]);
          const joining = docs.flatMap((doc) => doc.joiners);
          if (stormed.length === 0 && joining.length === 0) return;
          eventStart = performance.now();
          for (const client of stormed) client.drop();
          await Promise.all([...stormed, ...joining].map((client) => client.connect()));
          eventEnd = performance.now();
          await pause(1000);
        });

  await pause(end - performance.now());
  for (const timer of timers) clearTimeout(timer);
  for (const hostile of hostiles) {
    hostile.stop();
    process.stderr.write(
      `    hostile socket: ${hostile.sent} messages sent${hostile.closedWith === null ? '' : `, closed with ${hostile.closedWith}`}\n`,
    );
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();
  const bytes = bytesIn() - bytesBefore;
  await tell({ type: 'typing-done' });
  await Promise.race([event, pause(30_000)]);
  await tell({
    type: 'event-done',
    event: eventStart >= 0 ? { start: toEpoch(eventStart), end: toEpoch(eventEnd) } : null,
  });
  // The event may have been fired by another generator: the orchestrator says when it was.
  const window = await reporting;
  eventLoop.disable();
  if (window && eventStart < 0) {
    eventStart = fromEpoch(window.start);
    eventEnd = fromEpoch(window.end);
  }
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
    generatorEventLagMax: config.eventAt === null ? null : eventLoop.max / 1e6,
    clients: clients().length,
  });
  await tell({ type: 'result', result });
  for (const client of clients()) client.close();
  for (const doc of docs) doc.seed?.close();
}

let release: () => void = () => undefined;
const go = new Promise<void>((resolve) => (release = resolve));
let reportWith: (event: EventWindow | null) => void = () => undefined;
const reporting = new Promise<EventWindow | null>((resolve) => (reportWith = resolve));
process.on('message', (message: ParentMessage) => {
  if (message.type === 'go') release();
  if (message.type === 'report') reportWith(message.event);
  if (message.type === 'config') {
    run(message.config, go, reporting).then(
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
