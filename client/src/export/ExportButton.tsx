import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading';
import { lazyPart } from '../components/lazyPart';
import { Part } from '../components/PartBoundary';

// The dialog's code (formats, options, download) comes with the first opening, not the editor.
const ExportDialog = lazyPart(() =>
  import('./ExportDialog').then((module) => ({ default: module.ExportDialog })),
);

/**
 * "Export" in the editor's header, for every participant: opens the export dialog. Once opened
 * the dialog stays mounted so that closing it returns the focus here.
 */
export function ExportButton({ documentId, title }: { documentId: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={t('exportDialog.openLabel')}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        {t('exportDialog.open')}
      </button>
      {opened && (
        <Part fallback={<Loading />}>
          <ExportDialog documentId={documentId} title={title} open={open} onClose={close} />
        </Part>
      )}
    </>
  );
}
