/**
 * Every fixed word an export writes outside the delegates' text and the header's references
 * ("Comments", "Notes", a bracket's note, a revision's tooltip, the compilation's table
 * headings), in the document's language: a Spanish draft circulated with "Comments" and
 * "Bracketed text proposed by" in English reads as unfinished. One table, so that DOCX, PDF,
 * HTML, Markdown and Akoma Ntoso word them alike.
 *
 * Wording follows OAS usage in each language: "Secretaría", "ad referéndum" (accented in
 * Spanish only), "texto entre corchetes"; French puts a no-break space before : ; ? !, and its
 * quotation marks come from `quote()` (« … »).
 */
import { quote } from '@accord/shared/language-conventions';
import type { Language } from '@accord/shared/api';

const NBSP = '\u00a0';

export interface ExportLabels {
  /** The heading of the list of notes (bracket attributions and footnotes). */
  notes: string;
  /** The heading of the open comment threads printed after the text. */
  comments: string;
  /** A bracket's note: who proposed the bracketed text. */
  bracketNote: (delegations: string) => string;
  /** The header line of a tracked export: what it is compared with. */
  trackedSince: (label: string) => string;
  /** The heading of the HTML legend of a tracked export. */
  changesSinceHeading: (label: string) => string;
  /** The PDF's legend of a tracked export. */
  changesSince: (label: string) => string;
  /** A revision's tooltip or note: "Inserted by Chile". */
  insertedBy: (who: string) => string;
  deletedBy: (who: string) => string;
  /** A moved paragraph's note, at its new and at its old place. */
  movedHere: (who: string, from: string | null) => string;
  movedAway: (who: string, to: string | null) => string;
  /**
   * The author of a revision the comparison credits to nobody (DOCX `w:author`, HTML and PDF
   * legends), rather than a made-up delegation.
   */
  unattributed: string;
  /** The author of number changes caused by paragraphs inserted, deleted or moved before them. */
  renumbering: string;
  /** Who wrote a comment without a delegation. */
  secretariat: string;
  /** Where a comment stands: "Paragraph 3", or "Paragraph" when unnumbered. */
  paragraph: (number: string | null) => string;
  /** A comment's first line: its author and the phrase it is about. */
  commentBy: (who: string, quoted: string | null, text: string) => string;
  replyBy: (who: string, text: string) => string;
  /** The Akoma Ntoso `docStatus` of a locked and of a drafting document. */
  finalText: string;
  draft: string;
  /** A paragraph's negotiation status, as a reader names it. */
  agreed: string;
  adReferendum: string;
  /** The compilation of proposals. */
  compilation: string;
  compilationOfProposals: string;
  withoutOpenProposals: string;
  agreedText: string;
  proposalsByDelegation: string;
  proposalInsert: string;
  proposalDelete: string;
}

const LABELS: Record<Language, ExportLabels> = {
  en: {
    notes: 'Notes',
    comments: 'Comments',
    bracketNote: (delegations) => `Bracketed text proposed by ${delegations}.`,
    trackedSince: (label) => `Tracked changes since: ${label}`,
    changesSinceHeading: (label) => `Changes since ${label}`,
    changesSince: (label) =>
      `Changes since ${label} (inserted underlined, deleted struck through): `,
    insertedBy: (who) => `Inserted by ${who}`,
    deletedBy: (who) => `Deleted by ${who}`,
    movedHere: (who, from) => `Moved here by ${who}${from ? ` (formerly paragraph ${from})` : ''}.`,
    movedAway: (who, to) => `Moved by ${who}${to ? ` to paragraph ${to}` : ''}.`,
    unattributed: 'Unattributed',
    renumbering: 'Renumbering',
    secretariat: 'Secretariat',
    paragraph: (number) => (number ? `Paragraph ${number}` : 'Paragraph'),
    commentBy: (who, quoted, text) =>
      `${who}${quoted ? ` on ${quote(quoted, 'en')}` : ''}: ${text}`,
    replyBy: (who, text) => `Reply from ${who}: ${text}`,
    finalText: 'Final text',
    draft: 'Draft',
    agreed: 'Agreed',
    adReferendum: 'Agreed ad referendum',
    compilation: 'compilation',
    compilationOfProposals: 'Compilation of proposals',
    withoutOpenProposals: 'the text without open proposals',
    agreedText: 'Agreed text',
    proposalsByDelegation: 'Proposals by delegation',
    proposalInsert: 'insert',
    proposalDelete: 'delete',
  },
  es: {
    notes: 'Notas',
    comments: 'Comentarios',
    bracketNote: (delegations) => `Texto entre corchetes propuesto por ${delegations}.`,
    trackedSince: (label) => `Control de cambios desde: ${label}`,
    changesSinceHeading: (label) => `Cambios desde ${label}`,
    changesSince: (label) =>
      `Cambios desde ${label} (lo insertado, subrayado; lo suprimido, tachado): `,
    insertedBy: (who) => `Insertado por ${who}`,
    deletedBy: (who) => `Suprimido por ${who}`,
    movedHere: (who, from) =>
      `Trasladado aquí por ${who}${from ? ` (antes párrafo ${from})` : ''}.`,
    movedAway: (who, to) => `Trasladado por ${who}${to ? ` al párrafo ${to}` : ''}.`,
    unattributed: 'Sin atribución',
    renumbering: 'Renumeración',
    secretariat: 'Secretaría',
    paragraph: (number) => (number ? `Párrafo ${number}` : 'Párrafo'),
    commentBy: (who, quoted, text) =>
      `${who}${quoted ? ` sobre ${quote(quoted, 'es')}` : ''}: ${text}`,
    replyBy: (who, text) => `Respuesta de ${who}: ${text}`,
    finalText: 'Texto final',
    draft: 'Proyecto',
    agreed: 'Acordado',
    adReferendum: 'Acordado ad referéndum',
    compilation: 'compilación',
    compilationOfProposals: 'Compilación de propuestas',
    withoutOpenProposals: 'el texto sin las propuestas pendientes',
    agreedText: 'Texto acordado',
    proposalsByDelegation: 'Propuestas por delegación',
    proposalInsert: 'insertar',
    proposalDelete: 'suprimir',
  },
  fr: {
    notes: 'Notes',
    comments: 'Commentaires',
    bracketNote: (delegations) => `Texte entre crochets proposé par ${delegations}.`,
    trackedSince: (label) => `Modifications suivies depuis${NBSP}: ${label}`,
    changesSinceHeading: (label) => `Modifications depuis ${label}`,
    changesSince: (label) =>
      `Modifications depuis ${label} (ajouts soulignés, suppressions barrées)${NBSP}: `,
    insertedBy: (who) => `Inséré par ${who}`,
    deletedBy: (who) => `Supprimé par ${who}`,
    movedHere: (who, from) =>
      `Déplacé ici par ${who}${from ? ` (anciennement paragraphe ${from})` : ''}.`,
    movedAway: (who, to) => `Déplacé par ${who}${to ? ` au paragraphe ${to}` : ''}.`,
    unattributed: 'Non attribué',
    renumbering: 'Renumérotation',
    secretariat: 'Secrétariat',
    paragraph: (number) => (number ? `Paragraphe ${number}` : 'Paragraphe'),
    commentBy: (who, quoted, text) =>
      `${who}${quoted ? ` sur ${quote(quoted, 'fr')}` : ''}${NBSP}: ${text}`,
    replyBy: (who, text) => `Réponse de ${who}${NBSP}: ${text}`,
    finalText: 'Texte final',
    draft: 'Projet',
    agreed: 'Approuvé',
    adReferendum: 'Approuvé ad referendum',
    compilation: 'compilation',
    compilationOfProposals: 'Compilation des propositions',
    withoutOpenProposals: 'le texte sans les propositions en suspens',
    agreedText: 'Texte approuvé',
    proposalsByDelegation: 'Propositions par délégation',
    proposalInsert: 'insérer',
    proposalDelete: 'supprimer',
  },
  pt: {
    notes: 'Notas',
    comments: 'Comentários',
    bracketNote: (delegations) => `Texto entre colchetes proposto por ${delegations}.`,
    trackedSince: (label) => `Alterações controladas desde: ${label}`,
    changesSinceHeading: (label) => `Alterações desde ${label}`,
    changesSince: (label) =>
      `Alterações desde ${label} (inserções sublinhadas, supressões riscadas): `,
    insertedBy: (who) => `Inserido por ${who}`,
    deletedBy: (who) => `Suprimido por ${who}`,
    movedHere: (who, from) =>
      `Movido para cá por ${who}${from ? ` (antigo parágrafo ${from})` : ''}.`,
    movedAway: (who, to) => `Movido por ${who}${to ? ` para o parágrafo ${to}` : ''}.`,
    unattributed: 'Sem atribuição',
    renumbering: 'Renumeração',
    secretariat: 'Secretaria',
    paragraph: (number) => (number ? `Parágrafo ${number}` : 'Parágrafo'),
    commentBy: (who, quoted, text) =>
      `${who}${quoted ? ` sobre ${quote(quoted, 'pt')}` : ''}: ${text}`,
    replyBy: (who, text) => `Resposta de ${who}: ${text}`,
    finalText: 'Texto final',
    draft: 'Projeto',
    agreed: 'Acordado',
    adReferendum: 'Acordado ad referendum',
    compilation: 'compilação',
    compilationOfProposals: 'Compilação de propostas',
    withoutOpenProposals: 'o texto sem as propostas pendentes',
    agreedText: 'Texto acordado',
    proposalsByDelegation: 'Propostas por delegação',
    proposalInsert: 'inserir',
    proposalDelete: 'suprimir',
  },
};

/** The export labels of a document's language; any other tag reads as English. */
export function exportLabels(language: string | undefined): ExportLabels {
  const primary = (language ?? 'en').toLowerCase().split('-')[0];
  return primary === 'es' || primary === 'fr' || primary === 'pt' ? LABELS[primary] : LABELS.en;
}
