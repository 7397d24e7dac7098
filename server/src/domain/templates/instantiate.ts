import type { NodeJSON } from '@accord/shared';
import { fillTemplate, resolveTemplateValues, type Template } from '@accord/shared/template';

/**
 * A template's content with its fields filled: the given values, else the defaults. Throws
 * `TemplateValueError` (naming the field) for a missing, unknown or ill-formed value. Paragraph
 * ids are kept: they key the template's guidance, and each new document is its own id space.
 */
export function instantiateTemplate(
  template: Template,
  values: Record<string, unknown> = {},
): NodeJSON {
  return fillTemplate(template.content, resolveTemplateValues(template, values));
}
