import { useTranslation } from 'react-i18next';
import { linkProps } from '../router';
import { ErrorNotice } from '../components/ErrorNotice';

/**
 * The app's own answer to an address it does not know (the server hands every browser path to
 * the app): says so in a sentence and always offers the way back to the delegate's meeting.
 */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <ErrorNotice title={t('access.notFoundTitle')} message={t('access.notFoundBody')}>
      <p>
        <a className="button-link" {...linkProps('/')}>
          {t('access.goHome')}
        </a>
      </p>
    </ErrorNotice>
  );
}
