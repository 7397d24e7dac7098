import type { VersionInfo } from '@accord/shared/api';
import { formatMoment } from '../components/format';
import { i18n } from './index';

/**
 * A version's label in the reader's language: a label the server wrote ("Automatic, 17:50
 * UTC", "Locked for adoption") from its catalogue key, its time in the reader's locale and the
 * meeting's zone; a label a person typed, as typed. An unknown key (a newer server) falls back to the English text.
 */
export function versionLabel(
  version: Pick<VersionInfo, 'label' | 'labelKey' | 'labelValues'>,
): string {
  if (!version.labelKey || !i18n.exists(version.labelKey)) return version.label;
  const values: Record<string, string> = { ...version.labelValues };
  if (values.at) values.time = formatMoment(values.at, { style: 'time' });
  return i18n.t(version.labelKey, values);
}

/** The version with its label worded for the reader (the English text stays in `labelKey`'s stead). */
export function readableVersion(version: VersionInfo): VersionInfo {
  return { ...version, label: versionLabel(version) };
}
