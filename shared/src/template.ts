import { z } from 'zod';
import { DRAFT_STYLES, type NodeJSON } from './content';

/**
 * The template format: one file per template in `templates/`, validated with this schema at
 * server start and in tests. `content` is a draft in the shared schema whose text may hold
 * `{{field}}` placeholders, filled from `fields` when a document is created.
 */

export const TEMPLATE_KINDS = [
  'policy_recommendation',
  'program_recommendation',
  'ministerial_declaration',
  'plan_of_action',
  'report',
  'resolution',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const FIELD_TYPES = ['text', 'year', 'date', 'delegation'] as const;

export const TemplateFieldSchema = z.object({
  name: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'field names are lowerCamelCase'),
  label: z.string().min(1),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(true),
  default: z.string().optional(),
  help: z.string().optional(),
});
export type TemplateField = z.infer<typeof TemplateFieldSchema>;

const NodeJSONSchema: z.ZodType<NodeJSON> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(NodeJSONSchema).optional(),
    text: z.string().optional(),
    marks: z
      .array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
  }),
);

export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  title: z.string().min(1),
  kind: z.enum(TEMPLATE_KINDS),
  summary: z.string().min(1),
  style: z.enum(DRAFT_STYLES as [string, ...string[]]).transform((s) => s as 'oas' | 'un'),
  language: z.enum(['en', 'es', 'fr', 'pt']).default('en'),
  fields: z.array(TemplateFieldSchema),
  /** Drafting hints keyed by paragraph id: shown to drafters, never exported. */
  guidance: z.record(z.string(), z.string()).default({}),
  content: NodeJSONSchema,
});
export type Template = z.infer<typeof TemplateSchema>;

/**
 * `{{name}}`, or `{{name|upper}}` for a value set in capitals: OAS titles and organ lines are
 * uppercase ("THE MINISTERS AND HIGH AUTHORITIES OF TRADE …,") while the same field reads in
 * mixed case elsewhere.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*(?:\|\s*(upper)\s*)?\}\}/g;

/** The placeholders (`{{name}}`) used anywhere in a node's text. */
export function placeholdersIn(node: NodeJSON): Set<string> {
  const found = new Set<string>();
  const visit = (n: NodeJSON) => {
    if (n.text) for (const match of n.text.matchAll(PLACEHOLDER)) found.add(match[1] ?? '');
    n.content?.forEach(visit);
  };
  visit(node);
  return found;
}

export class TemplateValueError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function checkValue(field: TemplateField, value: string): void {
  if (field.type === 'year' && !/^\d{4}$/.test(value)) {
    throw new TemplateValueError(field.name, `${field.label} must be a four-digit year.`);
  }
  if (field.type === 'date' && Number.isNaN(Date.parse(value))) {
    throw new TemplateValueError(field.name, `${field.label} must be a date (YYYY-MM-DD).`);
  }
}

/**
 * The values to fill a template with: the given ones, else the defaults. Throws
 * `TemplateValueError` naming the field for a missing, unknown or ill-formed value.
 */
export function resolveTemplateValues(
  template: Template,
  given: Record<string, unknown>,
): Record<string, string> {
  const known = new Set(template.fields.map((f) => f.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name))
      throw new TemplateValueError(name, `This template has no field "${name}".`);
  }
  const values: Record<string, string> = {};
  for (const field of template.fields) {
    const raw = given[field.name];
    if (raw !== undefined && typeof raw !== 'string') {
      throw new TemplateValueError(field.name, `${field.label} must be text.`);
    }
    const value = (raw ?? field.default ?? '').trim();
    if (!value && field.required) {
      throw new TemplateValueError(field.name, `${field.label} is required.`);
    }
    if (value) checkValue(field, value);
    values[field.name] = value;
  }
  return values;
}

/** The template's content with every `{{field}}` replaced by its value. */
export function fillTemplate(content: NodeJSON, values: Record<string, string>): NodeJSON {
  const fill = (node: NodeJSON): NodeJSON => {
    const out: NodeJSON = { ...node };
    if (node.text !== undefined) {
      out.text = node.text.replace(PLACEHOLDER, (_, name: string, filter: string | undefined) => {
        const value = values[name] ?? '';
        return filter === 'upper' ? value.toUpperCase() : value;
      });
    }
    if (node.content) {
      // A placeholder filled with nothing must not leave an empty text node (invalid in ProseMirror).
      out.content = node.content.map(fill).filter((child) => child.text !== '');
    }
    return out;
  };
  return fill(content);
}
