import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PARAGRAPH_NODES, draftSchema } from '@accord/shared/schema/index';
import type { NodeJSON } from '@accord/shared';
import { TemplateSchema, placeholdersIn, type Template } from '@accord/shared/template';

/**
 * The template library: one JSON file per template in `templates/`, read once at server start.
 * A template that does not hold up (bad JSON, fails the format, content outside the draft
 * schema, duplicate paragraph ids, a `{{placeholder}}` with no field) is reported by file name
 * and left out, so one bad file never stops the server nor reaches a delegate.
 */

export interface TemplateProblem {
  /** The file's name within the directory ("blank-oas-resolution.json"). */
  file: string;
  message: string;
}

export interface LoadedTemplates {
  templates: Map<string, Template>;
  errors: TemplateProblem[];
}

function paragraphIds(content: NodeJSON): string[] {
  const ids: string[] = [];
  const visit = (node: NodeJSON) => {
    if (PARAGRAPH_NODES.includes(node.type)) {
      const id = node.attrs?.id;
      if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
        throw new Error(`a ${node.type} paragraph has no valid "id" attribute`);
      }
      ids.push(id);
    }
    node.content?.forEach(visit);
  };
  visit(content);
  return ids;
}

/** Checks what zod cannot see: the content against the schema and the template's own references. */
function checkTemplate(template: Template): void {
  if (template.content.type !== 'doc') throw new Error('content must be a "doc" node');
  draftSchema().nodeFromJSON(template.content).check();
  const ids = paragraphIds(template.content);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`paragraph id "${duplicate}" is used more than once`);
  for (const key of Object.keys(template.guidance)) {
    if (!ids.includes(key)) throw new Error(`guidance for "${key}", which is no paragraph's id`);
  }
  const fields = new Set(template.fields.map((field) => field.name));
  for (const name of placeholdersIn(template.content)) {
    if (!fields.has(name)) throw new Error(`placeholder {{${name}}} has no field`);
  }
  for (const field of template.fields) {
    if (field.required && !field.default) {
      throw new Error(`required field "${field.name}" has no default`);
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return (error.issues as { path: PropertyKey[]; message: string }[])
      .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Reads every `*.json` file of `dir`, in name order. A missing directory is one error. */
export function loadTemplates(dir: string): LoadedTemplates {
  const templates = new Map<string, Template>();
  const errors: TemplateProblem[] = [];
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    return { templates, errors: [{ file: dir, message: describe(error) }] };
  }
  for (const file of files) {
    try {
      const template = TemplateSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      checkTemplate(template);
      if (templates.has(template.id))
        throw new Error(`id "${template.id}" is used by another template`);
      templates.set(template.id, template);
    } catch (error) {
      errors.push({ file, message: describe(error) });
    }
  }
  return { templates, errors };
}
