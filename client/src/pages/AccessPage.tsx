import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/LanguageSwitcher';

/**
 * A whole page that explains why the app cannot go on (no link, revoked link, device cleared):
 * a clear sentence and what to do next, never a spinner.
 */
export function AccessPage({
  title,
  body,
  children,
}: {
  title: string;
  body: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <main className="access-page" id="content">
      <div className="access-page__top">
        <p className="brand">{t('app.name')}</p>
        <LanguageSwitcher />
      </div>
      <h1>{title}</h1>
      <p>{body}</p>
      {children}
    </main>
  );
}
