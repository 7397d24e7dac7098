import { useEffect, useState } from 'react';
import type { TemplateDetail } from '@accord/shared/api';
import { isId } from '@accord/shared/ids';
import { apiRequest } from '../api/client';
import type { Guidance } from './guidanceHints';

const NONE: Guidance = {};

/**
 * The drafting guidance of a document's template, by paragraph id; empty while it loads, for
 * an imported document (no template), and when the template is gone: hints are a help, never
 * a reason to fail opening the editor.
 */
export function useTemplateGuidance(templateId: string | undefined): Guidance {
  const [guidance, setGuidance] = useState<{ templateId: string; hints: Guidance } | null>(null);

  useEffect(() => {
    if (!templateId || !isId(templateId) || templateId === 'import') return;
    let current = true;
    apiRequest<TemplateDetail>(`/templates/${encodeURIComponent(templateId)}`).then(
      (template) => {
        if (current) setGuidance({ templateId, hints: template.guidance });
      },
      () => {
        // No template (removed, or never one): no hints.
      },
    );
    return () => {
      current = false;
    };
  }, [templateId]);

  return guidance && guidance.templateId === templateId ? guidance.hints : NONE;
}
