import { useCallback, useEffect, useState } from 'react';
import type { VersionInfo } from '@accord/shared/api';
import { useApiData, type ApiData } from '../hooks/useApiData';
import { historyApi } from './historyApi';
import { readLastSeenVersion, writeLastSeenVersion } from './lastVisit';

/** The id of the button that opens the panel; focus returns there when the panel closes. */
export const HISTORY_TOGGLE_ID = 'history-toggle';

/** How often an open panel re-reads the timeline (automatic versions appear after pauses). */
const VERSIONS_POLL_MS = 30_000;

export interface HistoryPanelState {
  open: boolean;
  toggle: () => void;
  close: () => void;
  /** The timeline, oldest first as the server answers it. */
  versions: ApiData<VersionInfo[]>;
  /** The newest version seen on this participant's previous visit, or null if none is known. */
  lastVisitVersion: string | null;
}

/**
 * The history panel's state as the editor page holds it, open or closed. It lives on the page,
 * not in the panel, because "since my last visit" must note what was seen on every visit, not
 * only on those where the panel was opened.
 */
export function useHistoryPanel(
  documentId: string,
  participant: string,
  /** The document's status: a lock or unlock makes a version, so the timeline re-reads. */
  status: string | undefined,
): HistoryPanelState {
  const [open, setOpen] = useState(false);
  // Read once, before this visit overwrites it below.
  const [lastVisitVersion] = useState(() => readLastSeenVersion(participant, documentId));
  const versions = useApiData(() => historyApi.versions(documentId), documentId);
  const { reload } = versions;

  const newest = versions.status === 'ready' ? versions.data.at(-1)?.id : undefined;
  useEffect(() => {
    if (newest) writeLastSeenVersion(participant, documentId, newest);
  }, [newest, participant, documentId]);

  useEffect(() => {
    if (status) reload();
  }, [status, reload]);

  useEffect(() => {
    if (!open) return;
    reload();
    const timer = setInterval(reload, VERSIONS_POLL_MS);
    return () => clearInterval(timer);
  }, [open, reload]);

  const toggle = useCallback(() => setOpen((value) => !value), []);
  const close = useCallback(() => {
    setOpen(false);
    document.getElementById(HISTORY_TOGGLE_ID)?.focus();
  }, []);

  return { open, toggle, close, versions, lastVisitVersion };
}
