import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { linkProps } from '../router';
import { useSession } from '../session';
import { ClearDeviceButton } from './ClearDeviceButton';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The frame of every signed-in page: who you are, a way home, the language, and "clear this device". */
export function Layout({
  children,
  onCleared,
  wide = false,
}: {
  children: ReactNode;
  onCleared: () => void;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const participant = session.participant;
  const who = participant
    ? participant.delegation
      ? t('app.signedInAsDelegation', {
          name: participant.name,
          delegation: participant.delegation,
        })
      : t('app.signedInAs', { name: participant.name })
    : t('app.secretariat');
  return (
    <>
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <a className="brand" {...linkProps('/')}>
          {t('app.name')}
        </a>
        <span className="who">
          {/* The secretariat's name is its role: say it once, not "Secretariat · Secretariat". */}
          {participant ? `${who} · ${t(`roles.${session.role}`)}` : who}
        </span>
        <LanguageSwitcher />
        <ClearDeviceButton onCleared={onCleared} />
      </header>
      <main id="content" className={wide ? 'page page--wide' : 'page'} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
