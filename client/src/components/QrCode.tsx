import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A QR code of `text`, drawn as an SVG image. The `qrcode` library is loaded on first use,
 * so pages that never show a code do not download it.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    import('qrcode')
      .then((qrcode) =>
        qrcode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }),
      )
      .then(
        (svg) => {
          if (current) setSource(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
        },
        () => {
          if (current) setFailed(true);
        },
      );
    return () => {
      current = false;
    };
  }, [text]);

  if (failed) return <p role="alert">{t('participants.qrFailed')}</p>;
  if (!source) return <p className="muted">{t('app.loading')}</p>;
  return <img className="qr" src={source} alt={label} width={240} height={240} />;
}
