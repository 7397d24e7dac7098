import {
  BuilderElement,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  FootnoteReferenceRun,
  InsertedTextRun,
  Tab,
  TextRun,
  type ICommentOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { wordCommentParts, type WordComment } from './docx-comments';
import { MoveRecorder } from './docx-moves';
import { footnotesAfter } from './footnotes';
import { bracketNoteText } from './header';
import { exportLabels } from './labels';
import { type FootnoteRef, type LabelPart, type Piece, type RunChange } from './model';

/**
 * Maps the model's pieces to Word runs: `equal` text as plain runs, `insert` and `delete` as
 * real revisions (`w:ins`, `w:del`) authored by the delegation, and each attributed bracket as
 * a comment anchored on the bracketed text, so the attribution stays out of the circulated
 * text but is one click away in Word and LibreOffice.
 */
export class DocxRevisions {
  private nextRevision = 1;
  private nextComment = 0;
  /** The revisions of moved paragraphs, made Word moves after packing (`docx-moves.ts`). */
  readonly moves = new MoveRecorder();
  /** Every Word comment of the export (brackets' and threads'), in the order they were made. */
  readonly wordComments: WordComment[] = [];

  /** The comments as the docx library writes them (replies threaded under their comment). */
  get comments(): ICommentOptions[] {
    return wordCommentParts(this.wordComments);
  }

  /** A fresh comment id, unique in this export (for a thread's replies too). */
  commentId(): number {
    return this.nextComment++;
  }

  constructor(
    private readonly date: Date,
    /** The document's language, for the notes of brackets. */
    private readonly language = 'en',
  ) {}

  /**
   * The next revision id, recorded for the move being written, if any, unless it is a change
   * of its own inside the moved paragraph (`inMove` false): that stays a `w:ins`/`w:del`.
   */
  private revisionId(inMove = true): number {
    const id = this.nextRevision++;
    if (inMove) this.moves.record(id);
    return id;
  }

  /** The first id no revision has taken, for the move ranges added after packing. */
  get nextId(): number {
    return this.nextRevision;
  }

  /** A revision's author when it has no delegation, in the document's language. */
  get unattributed(): string {
    return exportLabels(this.language).unattributed;
  }

  /** The default date of revisions (ISO 8601). */
  get defaultDate(): string {
    return this.date.toISOString();
  }

  /**
   * A run with the given change; `unattributed` when a revision has no delegation. Dated when
   * the change was made (`at`), else at the export's default date.
   */
  run(
    change: RunChange,
    delegation: string | null,
    options: IRunOptions,
    at?: string,
    inMove = true,
  ): ParagraphChild {
    if (change === 'equal') return new TextRun(options);
    const revision = {
      id: this.revisionId(inMove),
      author: delegation ?? this.unattributed,
      date: at ?? this.date.toISOString(),
    };
    return change === 'insert'
      ? new InsertedTextRun({ ...options, ...revision })
      : new DeletedTextRun({ ...options, ...revision });
  }

  /** The properties that mark a whole paragraph (its mark) inserted or deleted. */
  paragraphMark(
    change: RunChange,
    delegation: string | null,
    at?: string,
  ): { insertion?: RevisionInfo; deletion?: RevisionInfo } {
    if (change === 'equal') return {};
    const info = {
      id: this.revisionId(),
      author: delegation ?? this.unattributed,
      date: at ?? this.date.toISOString(),
    };
    return change === 'insert' ? { insertion: info } : { deletion: info };
  }

  /**
   * A footnote's reference run; one put on or taken off since the older version is a revision
   * of its own (`w:ins`/`w:del` around the reference), so accepting or rejecting every
   * revision keeps exactly the notes of that version.
   */
  footnoteReference(ref: FootnoteRef): ParagraphChild {
    if (ref.change === 'equal') return new FootnoteReferenceRun(ref.number);
    const reference = new BuilderElement({
      name: 'w:footnoteReference',
      attributes: { id: { key: 'w:id', value: ref.number } },
    });
    return this.run(
      ref.change,
      ref.delegation,
      { style: 'FootnoteReference', children: [reference] },
      ref.at,
      false,
    );
  }

  /** Registers a comment and returns its id. */
  comment(author: string, text: string): number {
    const id = this.commentId();
    this.wordComments.push({ id, author, date: this.date.toISOString(), text });
    return id;
  }

  /** The runs of a printed number followed by the tab of the hanging indent. */
  label(
    parts: LabelPart[],
    tabChange: RunChange,
    tabDelegation: string | null,
    tabAt?: string,
  ): ParagraphChild[] {
    if (parts.length === 0) return [];
    return [
      ...parts.map((part) => this.run(part.change, part.delegation, { text: part.text }, part.at)),
      this.run(tabChange, tabDelegation, { children: [new Tab()] }, tabAt),
    ];
  }

  /** The runs of a block's inline pieces; `bold` sets every run bold (the title). */
  pieces(pieces: Piece[], bold = false): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    const open: number[] = [];
    for (const piece of pieces) {
      if (piece.kind === 'text') {
        const options = { text: piece.text, bold: bold || piece.bold, italics: piece.italic };
        out.push(this.run(piece.change, piece.delegation, options, piece.at, !piece.ownChange));
        for (const ref of footnotesAfter(piece)) out.push(this.footnoteReference(ref));
      } else if (piece.kind === 'open') {
        if (piece.note !== null) {
          const id = this.comment(
            piece.delegations.join(', '),
            bracketNoteText(piece.delegations, this.language),
          );
          open.push(id);
          out.push(new CommentRangeStart(id));
        }
        out.push(this.run(piece.change, piece.delegation, { text: '[', bold }, piece.at));
      } else {
        out.push(this.run(piece.change, piece.delegation, { text: ']', bold }, piece.at));
        const id = piece.note !== null ? open.pop() : undefined;
        if (id !== undefined) {
          out.push(new CommentRangeEnd(id));
          out.push(new TextRun({ children: [new CommentReference(id)] }));
        }
      }
    }
    return out;
  }
}

interface RevisionInfo {
  id: number;
  author: string;
  date: string;
}
