import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { BlockModel } from './model';

const NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** How akn.ts writes the parts an annex shares with the main text. */
export interface AnnexWriters {
  /** Fills a `meta` element (an attached document has its own identification). */
  meta: (meta: XMLBuilder) => void;
  /** Writes a block's inline content into `parent`. */
  inline: (parent: XMLBuilder, block: BlockModel) => void;
  /** Writes a block as a `p` in `parent`. */
  block: (parent: XMLBuilder, block: BlockModel) => void;
}

/** The blocks before the first annex, and the annexes' blocks (each starting with its heading). */
export function splitAnnexes(blocks: BlockModel[]): { main: BlockModel[]; annexes: BlockModel[] } {
  const start = blocks.findIndex((block) => block.annexHeading === true);
  if (start < 0) return { main: blocks, annexes: [] };
  return { main: blocks.slice(0, start), annexes: blocks.slice(start) };
}

/**
 * The annexes (a plan of action) as Akoma Ntoso `attachments`: each an attached `doc` named
 * "annex", its heading as the `docTitle`, its blocks as the `mainBody`'s paragraphs.
 */
export function renderAnnexes(
  statement: XMLBuilder,
  annexes: BlockModel[],
  writers: AnnexWriters,
): void {
  if (annexes.length === 0) return;
  const attachments = statement.ele(NS, 'attachments');
  let body: XMLBuilder | null = null;
  let count = 0;
  let empty = false;
  const close = () => {
    // An empty annex still has a body: the schema wants one.
    if (body && empty) body.ele(NS, 'p');
  };
  for (const block of annexes) {
    if (block.annexHeading || !body) {
      close();
      count += 1;
      const doc = attachments
        .ele(NS, 'attachment', { eId: `att_${count}` })
        .ele(NS, 'doc', { name: 'annex' });
      writers.meta(doc.ele(NS, 'meta'));
      writers.inline(doc.ele(NS, 'preface').ele(NS, 'p').ele(NS, 'docTitle'), block);
      body = doc.ele(NS, 'mainBody');
      empty = true;
      continue;
    }
    writers.block(body, block);
    empty = false;
  }
  close();
}
