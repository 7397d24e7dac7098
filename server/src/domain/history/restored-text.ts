import type { VersionRecord } from '../../storage';
import { characterAt, type ParagraphSnapshot } from './paragraphs';

/**
 * Who first wrote text that a restore brought back. A restore makes the live text equal to a
 * version's, but Yjs cannot bring deleted characters back: the restore writes them again (as the
 * chair's), or keeps characters of the rewrite it undoes where they match (as their typist's).
 * So that a comparison credits the words to the delegation that first wrote them, the restore
 * keeps, for every live character that is not the version's own character at that place, which
 * character of the version it stands for.
 *
 * Stored with the restore's version record as runs `[client, clock, originClient,
 * originClock, length]`: a restore of one paragraph is a handful of runs.
 */
export type RestoredRun = [number, number, number, number, number];

/**
 * The runs by which `live` (the body just after the restore) stands for `version` (the restored
 * version's body). Both hold the same blocks with the same text, in order; a block whose type or
 * text differ (concurrent typing during the restore) is left out.
 */
export function restoredRuns(
  live: readonly ParagraphSnapshot[],
  version: readonly ParagraphSnapshot[],
): RestoredRun[] {
  const runs: RestoredRun[] = [];
  live.forEach((paragraph, index) => {
    const original = version[index];
    if (!original || original.type !== paragraph.type || original.text !== paragraph.text) return;
    for (let offset = 0; offset < paragraph.text.length; offset++) {
      const [client, clock] = characterAt(paragraph, offset);
      const [originClient, originClock] = characterAt(original, offset);
      if (client === originClient && clock === originClock) continue;
      const last = runs[runs.length - 1];
      if (
        last &&
        last[0] === client &&
        last[1] + last[4] === clock &&
        last[2] === originClient &&
        last[3] + last[4] === originClock
      ) {
        last[4] += 1;
      } else {
        runs.push([client, clock, originClient, originClock, 1]);
      }
    }
  });
  return runs;
}

/**
 * The character a live character stands for, following every restore up to and including the
 * newer side of a comparison (`seq`), newest first: text restored twice goes back to its first
 * writer. Characters no restore brought back stand for themselves.
 */
export function restoredOrigins(
  versions: readonly Readonly<VersionRecord>[],
  seq: number,
): (client: number, clock: number) => [number, number] {
  const restores = versions
    .filter((v) => v.kind === 'restore' && v.seq <= seq && (v.restoredText?.length ?? 0) > 0)
    .sort((a, b) => b.seq - a.seq);
  if (restores.length === 0) return (client, clock) => [client, clock];
  return (client, clock) => {
    let at: [number, number] = [client, clock];
    for (const restore of restores) {
      for (const [c, k, originClient, originClock, length] of restore.restoredText ?? []) {
        if (c === at[0] && at[1] >= k && at[1] < k + length) {
          at = [originClient, originClock + at[1] - k];
          break;
        }
      }
    }
    return at;
  };
}
