/**
 * The paper a meeting's documents print on: US Letter, the OAS default, or A4. The PDF page and
 * the Word section follow it.
 */
export const PAPER_SIZES = ['letter', 'a4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** A meeting record written before paper sizes existed prints on US Letter. */
export const DEFAULT_PAPER_SIZE: PaperSize = 'letter';
