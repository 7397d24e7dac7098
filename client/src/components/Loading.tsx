import { useTranslation } from 'react-i18next';

/** A loading line; announced politely to screen readers. */
export function Loading({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <p className={fullPage ? 'loading loading--page' : 'loading'} role="status">
      {t('app.loading')}
    </p>
  );
}
