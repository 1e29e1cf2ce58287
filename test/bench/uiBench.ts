// A keystroke in the queue's search field until the updated list is painted, in Chromium through the
// harness: type a character, then wait for the next animation frame after the grid's rows changed.
//   ui.search_keystroke_p95_ms       from the input event to the frame that paints the new list (its rAF);
//   ui.search_keystroke_work_p95_ms  the page's own work in that: until the grid holds the new list, plus that
//                                    frame's style, layout and paint — the wait for the display's next frame left
//                                    out. The first figure can only be inside one frame (16.7 ms) when the work
//                                    is close to nothing: a keystroke lands anywhere in a frame, and the list shows
//                                    at the first frame that begins after the work.
//   ui.next_frame_wait_p95_ms        that floor, measured: from a moment like a keystroke's (the same page, the same
//                                    pace) to the next frame with no work at all. A keystroke's figure is this wait
//                                    plus whatever its work pushes past a frame's edge.
import { chromium } from 'playwright-core';
import type { RunningCore } from '../../core/runningCore';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../harness/chromium';
import { exposeCoreApi } from '../../harness/exposeApi';
import { startStaticServer } from '../../harness/staticServer';
import { percentile, round, type BenchResult } from './stats';

const WORDS = ['kristiansand', 'arendal', 'grimstad', 'elektro', 'vennesla', 'lyngdal', 'hansen', 'berg'];

export async function benchSearchKeystrokes(core: RunningCore): Promise<BenchResult[]> {
  const server = await startStaticServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await exposeCoreApi(page, core);
    await page.goto(server.url);
    const search = page.getByRole('searchbox');
    await search.waitFor();
    await page.getByRole('grid').locator('[role="row"][aria-rowindex]').first().waitFor();
    const samples: number[] = [];
    const work: number[] = [];
    const floor: number[] = [];
    for (const word of WORDS) {
      await search.fill('');
      await page.waitForTimeout(150);
      for (const character of word) {
        // Measured in the page, from the input event: until the grid holds the new list (it is aria-busy from
        // the keystroke until the newest answer is rendered), until the next frame begins (rAF), and until that
        // frame's style, layout and paint are done (a message posted in the rAF callback runs after them).
        const timing = await page.evaluate(
          (ch) =>
            new Promise<{ committed: number; frame: number; painted: number } | null>((resolve) => {
              const grid = document.querySelector('[role="grid"]')!;
              const input = document.querySelector('input[type="search"]') as HTMLInputElement;
              let sawBusy = false;
              const observer = new MutationObserver(() => {
                const busy = grid.getAttribute('aria-busy') === 'true';
                if (busy) sawBusy = true;
                else if (sawBusy) {
                  observer.disconnect();
                  const committed = performance.now() - start;
                  requestAnimationFrame(() => {
                    const frame = performance.now() - start;
                    const channel = new MessageChannel();
                    channel.port1.onmessage = () => resolve({ committed, frame, painted: performance.now() - start });
                    channel.port2.postMessage(null);
                  });
                }
              });
              observer.observe(grid, { attributes: true, attributeFilter: ['aria-busy'] });
              input.focus();
              const start = performance.now();
              // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its `this` just below, as React's own input tests do.
              const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
              setter.call(input, input.value + ch);
              input.dispatchEvent(new Event('input', { bubbles: true }));
              setTimeout(() => {
                observer.disconnect();
                resolve(null);
              }, 3_000);
            }),
          character,
        );
        if (timing) {
          samples.push(timing.frame);
          work.push(timing.committed + (timing.painted - timing.frame));
        }
        if (process.env.BENCH_VERBOSE) console.log(word, character, JSON.stringify(timing));
        await page.waitForTimeout(30);
        floor.push(await page.evaluate(() => new Promise<number>((resolve) => {
          const start = performance.now();
          requestAnimationFrame(() => resolve(performance.now() - start));
        })));
        await page.waitForTimeout(30);
      }
    }
    if (samples.length === 0) throw new Error('No keystroke changed the list: is the search field wired?');
    return [
      { name: 'ui.search_keystroke_p95_ms', value: round(percentile(samples, 95)), unit: 'ms' },
      { name: 'ui.search_keystroke_work_p95_ms', value: round(percentile(work, 95)), unit: 'ms' },
      { name: 'ui.search_keystroke_samples', value: samples.length, unit: 'count' },
      { name: 'ui.next_frame_wait_p95_ms', value: round(percentile(floor, 95)), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
