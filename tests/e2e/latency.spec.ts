import { expect, test } from './fixtures';
import { appendOperative, openEditor, operative, twoDelegations } from './scene';

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
 * assertion: the numbers go to the report and the console.
 */
test('typing latency between two pages', async ({ browser, accord }, testInfo) => {
  const scene = await twoDelegations(accord);
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  const chile = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  await appendOperative(belize.page, 'Latency:');
  await expect(operative(chile.page, 'Latency:')).toBeVisible();

  await chile.page.evaluate(() => {
    window.__seen = {};
    const editor = document.querySelector('.ProseMirror');
    if (!editor) throw new Error('no editor');
    new MutationObserver(() => {
      const text = editor.textContent ?? '';
      const now = performance.timeOrigin + performance.now();
      for (const match of text.matchAll(/<(\d+)>/g)) {
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

  const samples = 40;
  for (let i = 0; i < samples; i += 1) {
    await belize.page.keyboard.type(` <${i}>`);
    await expect
      .poll(() => chile.page.evaluate((key) => key in (window.__seen ?? {}), String(i)))
      .toBe(true);
  }
  const typed = await belize.page.evaluate(() => window.__typed ?? []);
  const seen = await chile.page.evaluate(() => window.__seen ?? {});
  const latencies = typed.map((at, i) => (seen[String(i)] ?? NaN) - at);
  expect(latencies.every((value) => Number.isFinite(value) && value >= 0)).toBe(true);
  const report = `typing latency over ${samples} keystrokes: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`;
  console.log(report);
  await testInfo.attach('typing-latency', { body: report, contentType: 'text/plain' });
});
