import { useTranslation } from 'react-i18next';
import { ErrorPage } from '../components/ErrorPage';

/**
 * The app's own answer to an address it does not know (the server hands every browser path to
 * the app): says so in a sentence and always offers the way back to the delegate's meeting.
 */
export function NotFoundPage() {
  const { t } = useTranslation();
  return <ErrorPage title={t('access.notFoundTitle')} message={t('access.notFoundBody')} />;
}
