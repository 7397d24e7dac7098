import { lazy, type ComponentType } from 'react';

/** Failed loads while the browser says it is online, before the part gives up. */
const ATTEMPTS_ONLINE = 4;
const BACKOFF_MS = 1_000;

export interface LoadEnvironment {
  isOnline: () => boolean;
  /** Resolves when the browser is back online. */
  untilOnline: () => Promise<void>;
  wait: (ms: number) => Promise<void>;
  /** Called before each new attempt, to ask again for what failed to arrive. */
  beforeRetry: () => void;
}

/**
 * Loads a part of the page's code, and keeps trying while the connection is away: on weak
 * Wi-Fi the editor's side panels are fetched after the text, and the connection may drop in
 * between. Offline, the attempt waits for the connection (the part's loading line stays up);
 * online, a few spaced attempts before the error reaches the part's boundary.
 */
export async function loadWithRetries<T>(
  load: () => Promise<T>,
  environment: LoadEnvironment,
): Promise<T> {
  let failuresOnline = 0;
  for (;;) {
    const wasOnline = environment.isOnline();
    try {
      return await load();
    } catch (error) {
      if (wasOnline && environment.isOnline()) {
        failuresOnline += 1;
        if (failuresOnline >= ATTEMPTS_ONLINE) throw error;
        await environment.wait(BACKOFF_MS * failuresOnline);
      } else {
        await environment.untilOnline();
      }
      environment.beforeRetry();
    }
  }
}

/** Stylesheets whose fetch failed: the bundler's loader counts them as present and never asks again. */
const failedStylesheets = new Set<HTMLLinkElement>();
if (typeof document !== 'undefined') {
  document.addEventListener(
    'error',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLLinkElement && target.rel === 'stylesheet')
        failedStylesheets.add(target);
    },
    true, // a link's error event does not bubble
  );
}

function refetchFailedStylesheets(): void {
  for (const link of failedStylesheets) {
    failedStylesheets.delete(link);
    if (!link.isConnected) continue;
    link.replaceWith(link.cloneNode());
  }
}

const browser: LoadEnvironment = {
  isOnline: () => navigator.onLine,
  untilOnline: () =>
    navigator.onLine
      ? Promise.resolve()
      : new Promise((resolve) =>
          window.addEventListener('online', () => resolve(), { once: true }),
        ),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  beforeRetry: refetchFailedStylesheets,
};

/** `React.lazy` for a part of a page, loaded with `loadWithRetries`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as React.lazy's own signature
export function lazyPart<C extends ComponentType<any>>(load: () => Promise<{ default: C }>) {
  return lazy(() => loadWithRetries(load, browser));
}
