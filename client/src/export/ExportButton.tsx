import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportDialog } from './ExportDialog';

/**
 * "Export" in the editor's header, for every participant: opens the export dialog. The dialog
 * stays mounted so that closing it returns the focus here.
 */
export function ExportButton({ documentId, title }: { documentId: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={t('exportDialog.openLabel')}
        onClick={() => setOpen(true)}
      >
        {t('exportDialog.open')}
      </button>
      <ExportDialog documentId={documentId} title={title} open={open} onClose={close} />
    </>
  );
}
