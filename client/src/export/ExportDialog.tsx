import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '@accord/shared/api';
import { apiRequest } from '../api/client';
import { errorMessage, useApiData } from '../hooks/useApiData';
import { canTrackChanges, fetchExport, saveFile, type ExportRequest } from './exportFile';
import { ExportOptions, type ExportChoice } from './ExportOptions';
import './export.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'preparing' }
  | { kind: 'done'; fileName: string }
  | { kind: 'failed'; message: string };

const FIRST_CHOICE: ExportChoice = { format: 'docx', version: '', tracked: false, compare: '' };

/** The request a choice makes; tracked changes only where the format and versions allow. */
function requestOf(choice: ExportChoice, versions: readonly VersionInfo[]): ExportRequest {
  const comparable = versions.some((v) => v.id === choice.compare && v.id !== choice.version);
  const tracked = choice.tracked && canTrackChanges(choice.format) && comparable;
  return {
    format: choice.format,
    ...(choice.version ? { version: choice.version } : {}),
    ...(tracked ? { compare: choice.compare } : {}),
  };
}

/**
 * The export dialog (a modal `<dialog>`: focus kept inside, Escape closes, focus returns to the
 * button). The file is fetched with the tab's token and saved under the server's name; while
 * the server prepares it the dialog says so, and a failure is shown as the server's sentence.
 */
export function ExportDialog({
  documentId,
  title,
  open,
  onClose,
}: {
  documentId: string;
  title: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [choice, setChoice] = useState<ExportChoice>(FIRST_CHOICE);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  // Re-read on every opening: a chair may have named a version since.
  const versions = useApiData(
    () =>
      open
        ? apiRequest<VersionInfo[]>(`/documents/${encodeURIComponent(documentId)}/versions`)
        : Promise.resolve([]),
    `${documentId}:${String(open)}`,
  );
  const list = versions.status === 'ready' ? versions.data : [];

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  // Closing stops a download still being prepared: its answer would land nowhere useful.
  useEffect(() => {
    if (!open) abort.current?.abort();
  }, [open]);

  const download = async (event: FormEvent) => {
    event.preventDefault();
    const container = dialog.current;
    if (!container || phase.kind === 'preparing') return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'preparing' });
    try {
      const file = await fetchExport(documentId, requestOf(choice, list), controller.signal);
      saveFile(file.blob, file.fileName, container);
      setPhase({ kind: 'done', fileName: file.fileName });
    } catch (caught) {
      if (controller.signal.aborted) return;
      setPhase({
        kind: 'failed',
        message: t('exportDialog.failed', { message: errorMessage(caught) }),
      });
    }
  };

  // The next opening starts without the last one's outcome.
  const close = () => {
    setPhase({ kind: 'idle' });
    onClose();
  };

  const formatName = t(`exportDialog.formats.${choice.format}`);
  return (
    <dialog
      ref={dialog}
      className="export-dialog"
      aria-labelledby={headingId}
      onClose={close}
      onCancel={close}
    >
      <form onSubmit={(event) => void download(event)}>
        <h2 id={headingId}>{t('exportDialog.title', { title })}</h2>
        {versions.status === 'error' && (
          <p className="field-error">
            {t('exportDialog.versionsFailed', { message: versions.message })}
          </p>
        )}
        <ExportOptions choice={choice} versions={list} onChange={setChoice} />
        <p className="export-dialog__status" role="status">
          {phase.kind === 'preparing' && (
            <>
              <span className="spinner" aria-hidden="true" />
              {t('exportDialog.preparing', { format: formatName })}
            </>
          )}
          {phase.kind === 'done' && t('exportDialog.done', { fileName: phase.fileName })}
        </p>
        {phase.kind === 'failed' && (
          <p className="notice notice--error" role="alert">
            {phase.message}
          </p>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button--primary"
            disabled={phase.kind === 'preparing'}
            aria-busy={phase.kind === 'preparing' || undefined}
          >
            {t('exportDialog.download')}
          </button>
          <button type="button" onClick={close}>
            {t('exportDialog.close')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
