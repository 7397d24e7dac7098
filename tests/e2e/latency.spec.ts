import { expect, test } from './fixtures';
import { appendOperative, operative, bothDelegationsEditing } from './scene';

declare global {
  interface Window {
    __seen?: Record<string, number>;
    __typed?: number[];
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Measures what a delegate notices: the time from a key reaching one page (its `beforeinput`)
 * to the character appearing in the other page's DOM. Both pages run in one browser on this
 * machine, so `performance.timeOrigin + performance.now()` is one clock. Reports, not a timed
 * assertion: the numbers go to the report and the console. (Tracing is off for this project:
 * its DOM snapshots would run in both pages between the keys.)
 */
test('typing latency between two pages', async ({ browser, accord }, testInfo) => {
  const { belize, chile } = await bothDelegationsEditing(browser, accord);
  await appendOperative(belize.page, 'Latency:');
  await expect(operative(chile.page, 'Latency:')).toBeVisible();

  await chile.page.evaluate(() => {
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
  await belize.page.evaluate(() => {
    window.__typed = [];
    document.querySelector('.ProseMirror')?.addEventListener('beforeinput', (event) => {
      if ((event as InputEvent).data === '>')
        window.__typed?.push(performance.timeOrigin + performance.now());
    });
  });

  // Main-thread time per keystroke on each page (Chromium's TaskDuration, in seconds): what a
  // colleague's typing costs a laptop, beside how soon it shows.
  const mainThread = async (page: typeof belize.page) => {
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    return async () => {
      const { metrics } = await session.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
    };
  };
  const typingPageTime = await mainThread(belize.page);
  const readingPageTime = await mainThread(chile.page);

  const samples = 40;
  /**
   * Types ` <key>` `samples` times, `delay` ms between keys, and returns the latency of each
   * closing `>`: from its `beforeinput` in one page to its arrival in the other's DOM.
   */
  const measure = async (series: string, delay: number) => {
    const first = await belize.page.evaluate(() => window.__typed?.length ?? 0);
    const typingBefore = await typingPageTime();
    const readingBefore = await readingPageTime();
    let keys = 0;
    for (let i = 0; i < samples; i += 1) {
      const text = ` <${series}${i}>`;
      keys += text.length;
      await belize.page.keyboard.type(text, { delay });
      await expect
        .poll(() => chile.page.evaluate((key) => key in (window.__seen ?? {}), `${series}${i}`))
        .toBe(true);
    }
    // The polling above adds a little to the reading page's time.
    const typingMs = ((await typingPageTime()) - typingBefore) / keys;
    const readingMs = ((await readingPageTime()) - readingBefore) / keys;
    const typed = (await belize.page.evaluate(() => window.__typed ?? [])).slice(first);
    const seen = await chile.page.evaluate(() => window.__seen ?? {});
    const latencies = typed.map((at, i) => (seen[`${series}${i}`] ?? NaN) - at);
    expect(latencies).toHaveLength(samples);
    expect(latencies.every((value) => Number.isFinite(value) && value >= 0)).toBe(true);
    return { latencies, typingMs, readingMs };
  };
  const line = (
    what: string,
    { latencies, typingMs, readingMs }: Awaited<ReturnType<typeof measure>>,
  ) =>
    `typing latency, ${what}, over ${samples} keystrokes: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms; main thread per key: typing page ${typingMs.toFixed(2)} ms, reading page ${readingMs.toFixed(2)} ms`;

  // A fast typist: 50 ms between keys is 20 keys a second, beyond any delegate's bursts.
  const typist = line('keys 50 ms apart', await measure('t', 50));
  // Every key at once, as fast as the browser takes them: each waits for those before it on
  // both pages, so this line shows what one keystroke costs end to end.
  const burst = line('keys back to back', await measure('b', 0));
  const report = `${typist}\n${burst}`;
  console.log(report);
  await testInfo.attach('typing-latency', { body: report, contentType: 'text/plain' });
});
