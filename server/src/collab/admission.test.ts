import { describe, expect, it } from 'vitest';
import { AdmissionQueue } from './admission';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('AdmissionQueue', () => {
  it('admits in arrival order, leaving the event loop between slices', async () => {
    const queue = new AdmissionQueue(2);
    const admitted: number[] = [];
    for (let i = 0; i < 10; i++) {
      queue.admit(() => {
        busy(1);
        admitted.push(i);
      });
    }
    expect(admitted).toEqual([]);
    // Other work scheduled meanwhile (a room's flush) runs before the queue is through.
    let interleaved = -1;
    setImmediate(() => setImmediate(() => (interleaved = admitted.length)));
    while (queue.length > 0) await turn();
    expect(admitted).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(interleaved).toBeGreaterThan(0);
    expect(interleaved).toBeLessThan(10);
  });

  it('reports a failing job and goes on with the next', async () => {
    const errors: unknown[] = [];
    const queue = new AdmissionQueue(4, (error) => errors.push(error));
    const admitted: string[] = [];
    queue.admit(() => {
      throw new Error('handshake failed');
    });
    queue.admit(() => admitted.push('next'));
    while (queue.length > 0) await turn();
    expect(admitted).toEqual(['next']);
    expect(errors).toHaveLength(1);
  });

  it('always makes progress, even when a single job outlasts the slice', async () => {
    const queue = new AdmissionQueue(1);
    const admitted: number[] = [];
    queue.admit(() => (busy(3), admitted.push(1)));
    queue.admit(() => (busy(3), admitted.push(2)));
    await turn();
    expect(admitted).toEqual([1]);
    await turn();
    expect(admitted).toEqual([1, 2]);
  });
});
