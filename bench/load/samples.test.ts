import { describe, expect, it } from 'vitest';
import { Samples, tailOf } from './samples';

/** A document whose changes (sent 10 ms apart) each reached `receivers` clients. */
function document(receivers: number, latencyOf: (change: number, receiver: number) => number) {
  const samples = new Samples();
  for (let change = 0; change < 100; change++) {
    for (let receiver = 0; receiver < receivers; receiver++) {
      samples.add(change * 10 + 0.25, latencyOf(change, receiver));
    }
  }
  return samples;
}

describe('tailOf', () => {
  it('names the few changes behind the p99 and how late their first receiver was', () => {
    // Change 42 is held up 4 ms before anyone gets it; every other change fans out in 1–2 ms.
    const room = document(49, (change, receiver) => (change === 42 ? 4 : 1) + receiver / 49);
    const tail = tailOf([room]);
    expect(tail).toEqual({ changes: 1, of: 100, firstReceiverMs: 4 });
  });

  it('tells apart changes sent at the same moment in different documents', () => {
    const quiet = document(10, () => 1);
    const busy = document(10, (change) => (change % 50 === 0 ? 9 : 1));
    const tail = tailOf([quiet, busy]);
    expect(tail?.of).toBe(200);
    expect(tail?.changes).toBe(2);
    expect(tail?.firstReceiverMs).toBe(9);
  });

  it('keeps to the window it is given', () => {
    const room = document(5, (change) => (change === 90 ? 20 : 1));
    expect(tailOf([room], 0, 500)?.of).toBe(50);
    expect(tailOf([room], 2000, 3000)).toBeNull();
  });
});
