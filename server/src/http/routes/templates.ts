import { Router } from 'express';
import type { TemplateDetail, TemplateSummary } from '@accord/shared';
import type { DomainContext } from '../../domain/context';
import { AccordError } from '../../domain/errors';
import { idParam } from '../validate';

/** The template library: open to anyone (it holds no meeting's data). */
export function templateRoutes(context: DomainContext): Router {
  const router = Router();

  router.get('/', (_request, response) => {
    const summaries: TemplateSummary[] = [...context.templates.values()].map((t) => ({
      id: t.id,
      title: t.title,
      kind: t.kind,
      summary: t.summary,
      language: t.language,
    }));
    response.json(summaries);
  });

  router.get('/:templateId', (request, response) => {
    const template = context.templates.get(idParam(request, 'templateId'));
    if (!template)
      throw new AccordError('not_found', 'template_not_found', 'This template does not exist.');
    const detail: TemplateDetail = {
      id: template.id,
      title: template.title,
      kind: template.kind,
      summary: template.summary,
      language: template.language,
      style: template.style,
      fields: template.fields,
      guidance: template.guidance,
      content: template.content,
    };
    response.json(detail);
  });

  return router;
}
