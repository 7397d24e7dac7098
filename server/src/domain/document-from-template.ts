import { TemplateValueError, fillTemplate, resolveTemplateValues } from '@accord/shared/template';
import type { DocumentInfo, Language } from '@accord/shared';
import { meetingFieldDefaults } from '@accord/shared/template-defaults';
import type { Principal } from '../auth/principal';
import { authorise, meetingFor } from './access';
import type { DomainContext } from './context';
import { createDocumentWithContent } from './documents';
import { invalid } from './errors';

export interface NewDocumentFromTemplate {
  templateId: string;
  title?: string;
  values?: Record<string, unknown>;
  /** The document symbol, when already assigned. */
  symbol?: string | null;
  /** The language of the original; the template's when absent. */
  language?: Language;
}

/** Creates a document from a template, its `{{fields}}` filled with the given values. */
export async function createDocumentFromTemplate(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
  input: NewDocumentFromTemplate,
): Promise<DocumentInfo> {
  authorise(principal, 'createDocument');
  const meeting = meetingFor(context, principal, meetingId);
  const template = context.templates.get(input.templateId);
  if (!template) {
    throw invalid('templateId', `There is no template "${input.templateId}".`, 'unknown_template');
  }
  let values: Record<string, string>;
  try {
    // Fields default from the meeting record (sector, venue, dates), then from the template.
    const fromMeeting = meetingFieldDefaults(
      template.fields.map((field) => field.name),
      meeting,
      template.language,
    );
    values = resolveTemplateValues(template, { ...fromMeeting, ...input.values });
  } catch (error) {
    if (error instanceof TemplateValueError) {
      throw invalid(`values.${error.field}`, error.message, 'invalid_field_value');
    }
    throw error;
  }
  return createDocumentWithContent(context, principal, meetingId, {
    title: input.title ?? template.title,
    templateId: template.id,
    style: template.style,
    language: input.language ?? template.language,
    symbol: input.symbol ?? null,
    content: fillTemplate(template.content, values),
    attributeTo: 'system',
  });
}
