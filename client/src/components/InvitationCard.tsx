import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from './QrCode';

export interface IssuedLink {
  participantId: string;
  name: string;
  link: string;
}

/** A just-issued invitation link: copy it, or show it as a QR code for a phone to scan. */
export function InvitationCard({ issued, onClose }: { issued: IssuedLink; onClose: () => void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [showQr, setShowQr] = useState(false);
  const titleId = useId();
  const linkId = useId();

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(issued.link);
      setCopy('copied');
    } catch {
      // Clipboard access needs a secure context or a permission; the link stays selectable.
      setCopy('failed');
    }
  };

  return (
    <section className="invitation" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('participants.invitationTitle', { name: issued.name })}</h3>
      <p className="muted">{t('participants.invitationHint')}</p>
      <label htmlFor={linkId}>{t('participants.linkLabel')}</label>
      <input
        id={linkId}
        className="invitation__link"
        readOnly
        value={issued.link}
        onFocus={(event) => event.target.select()}
      />
      <div className="invitation__actions">
        <button type="button" onClick={() => void copyLink()}>
          {copy === 'copied' ? t('participants.copied') : t('participants.copyLink')}
        </button>
        <button type="button" aria-expanded={showQr} onClick={() => setShowQr((old) => !old)}>
          {showQr ? t('participants.hideQr') : t('participants.showQr')}
        </button>
        <button type="button" className="button--quiet" onClick={onClose}>
          {t('participants.close')}
        </button>
      </div>
      {copy === 'failed' && <p role="alert">{t('participants.copyFailed')}</p>}
      {showQr && (
        <QrCode text={issued.link} label={t('participants.qrAlt', { name: issued.name })} />
      )}
    </section>
  );
}
