import { useSyncExternalStore } from 'react';

/**
 * A small history router for the three pages of the contract (`/`, `/meetings/:id`,
 * `/documents/:id`). The server answers each of them with the app (SPA fallback).
 */
export type Route =
  | { page: 'home' }
  | { page: 'meeting'; meetingId: string }
  | { page: 'document'; documentId: string }
  | { page: 'room'; documentId: string }
  | { page: 'notFound' };

const ID = '([A-Za-z0-9_-]{1,64})';
const MEETING = new RegExp(`^/meetings/${ID}/?$`);
const DOCUMENT = new RegExp(`^/documents/${ID}/?$`);
const ROOM = new RegExp(`^/documents/${ID}/room/?$`);

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const meeting = MEETING.exec(pathname);
  if (meeting?.[1]) return { page: 'meeting', meetingId: meeting[1] };
  const document = DOCUMENT.exec(pathname);
  if (document?.[1]) return { page: 'document', documentId: document[1] };
  const room = ROOM.exec(pathname);
  if (room?.[1]) return { page: 'room', documentId: room[1] };
  return { page: 'notFound' };
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Goes to an app path without reloading the page. */
export function navigate(path: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}

/** Props for an `<a>` that navigates inside the app but still works as a real link. */
export function linkProps(path: string): {
  href: string;
  onClick: (event: React.MouseEvent<HTMLAnchorElement>) => void;
} {
  return {
    href: path,
    onClick: (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      event.preventDefault();
      navigate(path);
    },
  };
}
