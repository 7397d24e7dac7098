import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { summarise } from '../load/samples';
import { accord } from '../servers/accord';

/**
 * The browser suite of `npm run bench` (`--suite=browser`): typing latency between two Chromium
 * pages, as a delegate notices it. From a key reaching one page (its `beforeinput`) to the
 * character appearing in the other page's DOM; both pages run in one browser on this machine,
 * so `performance.timeOrigin + performance.now()` is one clock. Beside it, each page's
 * main-thread time per key (Chromium's `TaskDuration`): what a colleague's typing costs a laptop.
 * Reported, never asserted; `tests/e2e/collab.spec.ts` [J3] checks that the word arrives.
 */

declare global {
  interface Window {
    __seen?: Record<string, number>;
    __typed?: number[];
  }
}

/** Debian's Chromium with the flags the browser tests use (playwright.config.ts). */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

interface Series {
  keys: string;
  latencies: number[];
  typingMs: number;
  readingMs: number;
}

/** The editor of a document for one participant's link, once it is in sync with the server. */
async function openEditor(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await page
    .getByRole('status', { name: 'Connection' })
    .and(page.locator('[data-state="synced"]'))
    .waitFor();
  return page;
}

/** Main-thread time so far in `page`, in ms (Chromium's TaskDuration). */
async function mainThreadClock(page: Page): Promise<() => Promise<number>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
  };
}

async function watchArrivals(reading: Page): Promise<void> {
  await reading.evaluate(() => {
    window.__seen = {};
    const editor = document.querySelector('.ProseMirror');
    if (!editor) throw new Error('no editor');
    new MutationObserver(() => {
      const text = editor.textContent ?? '';
      const now = performance.timeOrigin + performance.now();
      for (const match of text.matchAll(/<(\w+)>/g)) {
        const key = match[1];
        if (key && window.__seen && !(key in window.__seen)) window.__seen[key] = now;
      }
    }).observe(editor, { subtree: true, characterData: true, childList: true });
  });
}

async function watchKeys(typing: Page): Promise<void> {
  await typing.evaluate(() => {
    window.__typed = [];
    document.querySelector('.ProseMirror')?.addEventListener('beforeinput', (event) => {
      if ((event as InputEvent).data === '>')
        window.__typed?.push(performance.timeOrigin + performance.now());
    });
  });
}

/**
 * Types ` <key>` `samples` times, `delay` ms between keys, and returns the latency of each
 * closing `>`: from its `beforeinput` in the typing page to its arrival in the reading page.
 */
async function measure(
  typing: Page,
  reading: Page,
  clocks: { typing: () => Promise<number>; reading: () => Promise<number> },
  series: string,
  delay: number,
  samples: number,
): Promise<Omit<Series, 'keys'>> {
  const first = await typing.evaluate(() => window.__typed?.length ?? 0);
  const typingBefore = await clocks.typing();
  const readingBefore = await clocks.reading();
  let keys = 0;
  for (let i = 0; i < samples; i += 1) {
    const text = ` <${series}${i}>`;
    keys += text.length;
    await typing.keyboard.type(text, { delay });
    await reading.waitForFunction((key) => key in (window.__seen ?? {}), `${series}${i}`);
  }
  // Waiting for each key adds a little to the reading page's time.
  const typingMs = ((await clocks.typing()) - typingBefore) / keys;
  const readingMs = ((await clocks.reading()) - readingBefore) / keys;
  const typed = (await typing.evaluate(() => window.__typed ?? [])).slice(first);
  const seen = await reading.evaluate(() => window.__seen ?? {});
  const latencies = typed.map((at, i) => (seen[`${series}${i}`] ?? NaN) - at);
  if (latencies.length !== samples || !latencies.every((v) => Number.isFinite(v) && v >= 0))
    throw new Error(`typing latency: ${latencies.length} of ${samples} keys measured`);
  return { latencies, typingMs, readingMs };
}

function table(series: Series[], samples: number): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `### Typing latency between two Chromium pages (${samples} keystrokes per row)`,
    '',
    '| keys | p50 | p95 | max | main thread per key: typing page | reading page |',
    '|---|---:|---:|---:|---:|---:|',
    ...series.map(({ keys, latencies, typingMs, readingMs }) => {
      const summary = summarise(Float64Array.from(latencies));
      return `| ${keys} | ${ms(summary.p50)} | ${ms(summary.p95)} | ${ms(summary.max)} | ${typingMs.toFixed(2)} ms | ${readingMs.toFixed(2)} ms |`;
    }),
    '',
    "From the key's `beforeinput` in one page to the character in the other page's DOM, through",
    'the built server as `npm start` runs it.',
  ].join('\n');
}

export async function runBrowserBench(root: string, samples = 40): Promise<string> {
  // The pages load the built app: build it now, so a stale build is never measured.
  process.stderr.write('browser: building the app…\n');
  const build = spawnSync('npm', ['run', 'build', '-w', 'client'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('npm run build -w client failed');

  const doc = { group: 'browser', writers: 2, readers: 0, joiners: 0, seedBytes: 0, storm: false };
  const server = await accord.start([doc], root, {});
  const browser = await chromium.launch(CHROMIUM);
  try {
    const target = server.targets[0]!;
    const links = target.urls.map((url) => {
      const ws = new URL(url);
      return `${ws.origin.replace(/^ws/, 'http')}/documents/${target.name}?token=${encodeURIComponent(ws.searchParams.get('token') ?? '')}`;
    });
    const typing = await openEditor(browser, links[0]!);
    const reading = await openEditor(browser, links[1]!);
    await typing.locator('.ProseMirror').click();
    await typing.keyboard.press('Control+End');
    await typing.getByRole('button', { name: 'New operative paragraph' }).click();
    await typing.keyboard.type('Latency:');
    await reading
      .locator('.ProseMirror [data-type="operative"]', { hasText: 'Latency:' })
      .waitFor();
    await watchArrivals(reading);
    await watchKeys(typing);
    const clocks = {
      typing: await mainThreadClock(typing),
      reading: await mainThreadClock(reading),
    };
    // A fast typist: 50 ms between keys is 20 keys a second, beyond any delegate's bursts.
    const typist = await measure(typing, reading, clocks, 't', 50, samples);
    // Every key at once: each waits for those before it on both pages, so this row shows what
    // one keystroke costs end to end.
    const burst = await measure(typing, reading, clocks, 'b', 0, samples);
    return table(
      [
        { keys: '50 ms apart', ...typist },
        { keys: 'back to back', ...burst },
      ],
      samples,
    );
  } finally {
    await browser.close();
    await server.process.stop();
    await server.cleanup();
  }
}
