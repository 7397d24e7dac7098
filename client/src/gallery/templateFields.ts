import type { TemplateDetail } from '@accord/shared/api';
import type { TemplateField } from '@accord/shared/template';

/** A template field as the gallery's form shows it. */
export type GalleryField = Pick<TemplateField, 'name' | 'label' | 'type' | 'required'> & {
  default?: string;
  help?: string;
};

const FIELD_TYPES: readonly string[] = ['text', 'year', 'date', 'delegation'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The fields of a template as the API sent them (`fields: unknown[]` on the wire), keeping only
 * well-formed ones: a field the app cannot read is left to its default on the server.
 */
export function templateFields(template: TemplateDetail): GalleryField[] {
  const fields: GalleryField[] = [];
  for (const raw of template.fields) {
    if (!isRecord(raw)) continue;
    const { name, label, type, required } = raw;
    if (typeof name !== 'string' || typeof label !== 'string') continue;
    if (typeof type !== 'string' || !FIELD_TYPES.includes(type)) continue;
    const field: GalleryField = {
      name,
      label,
      type: type as GalleryField['type'],
      required: required !== false,
    };
    const fallback = optionalString(raw.default);
    const help = optionalString(raw.help);
    if (fallback !== undefined) field.default = fallback;
    if (help !== undefined) field.help = help;
    fields.push(field);
  }
  return fields;
}

/** Each field's starting value: its default, or empty. */
export function defaultValues(fields: readonly GalleryField[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.name, field.default ?? '']));
}

/**
 * Where a 422 answer's `field` points in the gallery's form: `values.year` → the field `year`,
 * `title` → the document title. `null` when it names nothing the form shows.
 */
export function formTarget(
  errorField: string | undefined,
  fields: readonly GalleryField[],
): { kind: 'field'; name: string } | { kind: 'title' } | null {
  if (!errorField) return null;
  if (errorField === 'title') return { kind: 'title' };
  const name = errorField.startsWith('values.') ? errorField.slice('values.'.length) : errorField;
  return fields.some((field) => field.name === name) ? { kind: 'field', name } : null;
}

/** `{{name}}` or `{{name|upper}}` in template text (the shared template format). */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*(?:\|\s*(upper)\s*)?\}\}/g;

export type TextPiece =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string; text: string; empty: boolean };

/**
 * Template text cut into literal text and filled-in values, so the preview can highlight what
 * the form changes. An empty value shows as the field's label in brackets (`emptyLabel`).
 */
export function fillPieces(
  text: string,
  values: Readonly<Record<string, string>>,
  emptyLabel: (name: string) => string,
): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index;
    if (index > last) pieces.push({ kind: 'text', text: text.slice(last, index) });
    const name = match[1] ?? '';
    const value = (values[name] ?? '').trim();
    const shown = match[2] === 'upper' ? value.toUpperCase() : value;
    pieces.push({ kind: 'value', name, text: shown || emptyLabel(name), empty: !shown });
    last = index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}
