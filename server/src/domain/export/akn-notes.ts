import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { footnotesAfter } from './footnotes';
import type { Piece } from './model';

const NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/**
 * A footnote written in the draft, where its reference stands: Akoma Ntoso's `authorialNote`
 * (inline, `placement="bottom"`), with the note's number as its marker. Akoma Ntoso is
 * exported clean: a piece has at most one reference, `equal`.
 */
export function authorialNote(parent: XMLBuilder, piece: Piece): void {
  const footnote = footnotesAfter(piece)[0]?.number;
  if (footnote === undefined || piece.kind !== 'text' || !piece.note) return;
  parent
    .ele(NS, 'authorialNote', {
      marker: String(footnote),
      placement: 'bottom',
      eId: `authorialNote_${footnote}`,
    })
    .ele(NS, 'p')
    .txt(piece.note.text);
}
