import { versionLabel as readableLabel } from '../i18n/serverLabels';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '@accord/shared/api';
import { formatMoment } from '../components/format';
import { EXPORT_FORMATS, canTrackChanges, type ExportFormat } from './exportFile';

export interface ExportChoice {
  format: ExportFormat;
  /** '' for the current text. */
  version: string;
  tracked: boolean;
  /** The version to compare with when `tracked`. */
  compare: string;
}

/**
 * The three choices of an export: format (Word first), version (current or any), and a clean
 * text or tracked changes against a version. "Tracked" is disabled, with the reason next to it,
 * for formats that cannot show changes and while there is no version to compare with.
 */
export function ExportOptions({
  choice,
  versions,
  onChange,
}: {
  choice: ExportChoice;
  versions: readonly VersionInfo[];
  onChange: (choice: ExportChoice) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const set = (patch: Partial<ExportChoice>) => onChange({ ...choice, ...patch });
  const newestFirst = [...versions].reverse();
  const versionLabel = (version: VersionInfo) =>
    t('exportDialog.versionOption', {
      label: readableLabel(version),
      time: formatMoment(version.createdAt),
    });
  const comparable = newestFirst.filter((version) => version.id !== choice.version);
  const formatName = t(`exportDialog.formats.${choice.format}`);
  const reason = !canTrackChanges(choice.format)
    ? t('exportDialog.noTracking', { format: formatName })
    : comparable.length === 0
      ? t('exportDialog.noVersions')
      : null;

  return (
    <>
      <fieldset className="export-formats">
        <legend>{t('exportDialog.format')}</legend>
        {EXPORT_FORMATS.map((format) => (
          <label key={format} className="choice">
            <input
              type="radio"
              name={`${ids}-format`}
              value={format}
              checked={choice.format === format}
              onChange={() => set({ format, tracked: choice.tracked && canTrackChanges(format) })}
            />
            {t(`exportDialog.formats.${format}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-version`}>{t('exportDialog.version')}</label>
        <select
          id={`${ids}-version`}
          value={choice.version}
          onChange={(event) => {
            const version = event.target.value;
            const compare =
              choice.compare === version
                ? (newestFirst.find((v) => v.id !== version)?.id ?? '')
                : choice.compare;
            set({ version, compare });
          }}
        >
          <option value="">{t('exportDialog.current')}</option>
          {newestFirst.map((version) => (
            <option key={version.id} value={version.id}>
              {versionLabel(version)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="export-changes">
        <legend>{t('exportDialog.changes')}</legend>
        <label className="choice">
          <input
            type="radio"
            name={`${ids}-changes`}
            checked={!choice.tracked}
            onChange={() => set({ tracked: false })}
          />
          {t('exportDialog.clean')}
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`${ids}-changes`}
            checked={choice.tracked}
            disabled={reason !== null}
            aria-describedby={reason ? `${ids}-reason` : undefined}
            onChange={() =>
              set({
                tracked: true,
                compare: comparable.some((v) => v.id === choice.compare)
                  ? choice.compare
                  : (comparable[0]?.id ?? ''),
              })
            }
          />
          {t('exportDialog.tracked')}
        </label>
        {reason ? (
          <p id={`${ids}-reason`} className="muted small">
            {reason}
          </p>
        ) : (
          <div className="field export-changes__against">
            <label htmlFor={`${ids}-compare`}>{t('exportDialog.trackedAgainst')}</label>
            <select
              id={`${ids}-compare`}
              value={choice.compare}
              disabled={!choice.tracked}
              onChange={(event) => set({ compare: event.target.value })}
            >
              {comparable.map((version) => (
                <option key={version.id} value={version.id}>
                  {versionLabel(version)}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
    </>
  );
}
