import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Word's move revisions (SPEC.md [AP12]). The `docx` library writes insertions and deletions
 * but not moves, so a moved paragraph is first written as an insertion at its new place and a
 * deletion at its old one, with the revision ids of each recorded here; after packing, those
 * revisions are renamed `w:moveTo` and `w:moveFrom` (moved-away text in `w:t`, as Word writes
 * it, not `w:delText`), and each half is enclosed in a named range
 * (`w:moveFromRangeStart`/`End`, `w:moveToRangeStart`/`End`) that ties it to the other half.
 * Word then shows "Moved (from)" and "Moved (to)", and accepting or rejecting the move acts on
 * both halves at once; pandoc reads them as a deletion and an insertion.
 */

export interface MoveHalf {
  /** `from`: the old place; `to`: the new one. */
  side: 'from' | 'to';
  /** The name shared by both halves of one move (`move1`, …). */
  name: string;
  author: string;
  date: string;
  /** The revision ids of the half's runs and paragraph mark, in document order. */
  revisions: number[];
}

/** Collects the revisions of each moved paragraph while it is written. */
export class MoveRecorder {
  readonly halves: MoveHalf[] = [];
  private current: MoveHalf | null = null;
  private readonly names = new Map<string, string>();

  /** Starts a half; `key` is the moved paragraph's identity, the same for both halves. */
  begin(side: 'from' | 'to', key: string, author: string, date: string): void {
    let name = this.names.get(key);
    if (!name) {
      name = `move${this.names.size + 1}`;
      this.names.set(key, name);
    }
    this.current = { side, name, author, date, revisions: [] };
    this.halves.push(this.current);
  }

  /** Called for every revision id the writer gives out. */
  record(id: number): void {
    this.current?.revisions.push(id);
  }

  end(): void {
    this.current = null;
  }
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Rewrites the recorded halves of `document.xml` as move revisions. */
export function markMoves(xml: string, halves: MoveHalf[], firstRangeId: number): string {
  let out = xml;
  let rangeId = firstRangeId;
  for (const half of halves) {
    if (half.revisions.length === 0) continue;
    const from = half.side === 'from';
    const [oldTag, newTag] = from ? ['w:del', 'w:moveFrom'] : ['w:ins', 'w:moveTo'];
    const ids = new Set(half.revisions.map(String));
    // A revision is `<w:ins w:id="n" …/>` (a paragraph mark) or `<w:ins w:id="n" …>…</w:ins>`.
    const pattern = new RegExp(`<${oldTag} w:id="(\\d+)"([^>]*?)(/>|>([^]*?)</${oldTag}>)`, 'g');
    out = out.replace(
      pattern,
      (whole, id: string, attributes: string, rest: string, inner?: string) => {
        if (!ids.has(id)) return whole;
        if (rest === '/>') return `<${newTag} w:id="${id}"${attributes}/>`;
        const content = from ? (inner ?? '').replace(/(<\/?)w:delText\b/g, '$1w:t') : (inner ?? '');
        return `<${newTag} w:id="${id}"${attributes}>${content}</${newTag}>`;
      },
    );
    // The range: from before the half's first run revision to after its last (the paragraph
    // mark's revision, self-closing inside `w:pPr`, stays outside it).
    const close = `</${newTag}>`;
    const spans = half.revisions.flatMap((revision) => {
      const at = out.indexOf(`<${newTag} w:id="${revision}"`);
      if (at < 0 || out[out.indexOf('>', at) - 1] === '/') return [];
      return [{ at, end: out.indexOf(close, at) + close.length }];
    });
    if (spans.length === 0) continue;
    const first = Math.min(...spans.map((span) => span.at));
    const lastEnd = Math.max(...spans.map((span) => span.end));
    const range = from ? 'w:moveFromRange' : 'w:moveToRange';
    const id = rangeId++;
    const start = `<${range}Start w:id="${id}" w:author="${escapeAttribute(half.author)}" w:date="${escapeAttribute(half.date)}" w:name="${half.name}"/>`;
    const end = `<${range}End w:id="${id}"/>`;
    out = out.slice(0, first) + start + out.slice(first, lastEnd) + end + out.slice(lastEnd);
  }
  return out;
}

/** Applies `markMoves` to the `word/document.xml` of a packed DOCX. */
export function withMoves(docx: Buffer, halves: MoveHalf[], firstRangeId: number): Buffer {
  if (halves.length === 0) return docx;
  const files = unzipSync(new Uint8Array(docx));
  const part = files['word/document.xml'];
  if (!part) return docx;
  files['word/document.xml'] = strToU8(markMoves(strFromU8(part), halves, firstRangeId));
  return Buffer.from(zipSync(files, { level: 6 }));
}
