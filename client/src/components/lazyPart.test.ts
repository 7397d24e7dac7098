import { describe, expect, it, vi } from 'vitest';
import { loadWithRetries, type LoadEnvironment } from './lazyPart';

/** A browser whose connection the test turns off and on. */
function network(online: boolean) {
  const state = { online, waits: [] as number[], retries: 0, waitingForOnline: 0 };
  let wake: (() => void) | null = null;
  const environment: LoadEnvironment = {
    isOnline: () => state.online,
    untilOnline: () => {
      state.waitingForOnline += 1;
      return state.online ? Promise.resolve() : new Promise((resolve) => (wake = resolve));
    },
    wait: (ms) => {
      state.waits.push(ms);
      return Promise.resolve();
    },
    beforeRetry: () => {
      state.retries += 1;
    },
  };
  const reconnect = () => {
    state.online = true;
    wake?.();
  };
  return { state, environment, reconnect };
}

// A turn of the event loop: long enough to show that nothing loads before the connection returns.
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('loading a part of the page', () => {
  it('offline, waits for the connection and then loads the part', async () => {
    const { state, environment, reconnect } = network(false);
    let calls = 0;
    const load = () => {
      calls += 1;
      return state.online ? Promise.resolve('panel') : Promise.reject(new Error('offline'));
    };
    let loaded: string | null = null;
    void loadWithRetries(load, environment).then((value) => (loaded = value));
    await flush();
    expect(loaded).toBeNull();
    expect(calls).toBe(1);
    expect(state.waitingForOnline).toBe(1);

    reconnect();
    await vi.waitFor(() => expect(loaded).toBe('panel'));
    expect(calls).toBe(2);
    expect(state.retries).toBe(1); // failed stylesheets are asked for again before the retry
  });

  it('online, tries a few spaced times, then lets the error reach the boundary', async () => {
    const { state, environment } = network(true);
    let calls = 0;
    const load = () => {
      calls += 1;
      return Promise.reject(new Error('404'));
    };
    await expect(loadWithRetries(load, environment)).rejects.toThrow('404');
    expect(calls).toBe(4);
    expect(state.waits).toEqual([1_000, 2_000, 3_000]);
  });

  it('a load that fails once online then succeeds gives the part', async () => {
    const { environment } = network(true);
    let calls = 0;
    const load = () => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('reset')) : Promise.resolve('panel');
    };
    await expect(loadWithRetries(load, environment)).resolves.toBe('panel');
  });
});
