import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '@accord/shared/api';

/** The kind of a template as words ("Policy recommendation"), whatever the server sends. */
export function useKindLabel(): (kind: string) => string {
  const { t, i18n } = useTranslation();
  // Not imported from the shared template format: that would bring zod to the first page.
  return (kind) =>
    i18n.exists(`gallery.kinds.${kind}`) ? t(`gallery.kinds.${kind}`) : t('gallery.kinds.other');
}

/**
 * Every template as a card: title, kind, summary. The cards are one radio group, so the arrow
 * keys move between them and the choice is announced; the whole card is the click target.
 */
export function TemplateCards({
  templates,
  selected,
  onSelect,
}: {
  templates: readonly TemplateSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const group = useId();
  return (
    <fieldset className="template-cards">
      <legend className="visually-hidden">{t('gallery.templates')}</legend>
      {templates.map((template) => {
        const titleId = `${group}-${template.id}-title`;
        const detailId = `${group}-${template.id}-detail`;
        const checked = template.id === selected;
        return (
          <label
            key={template.id}
            className={checked ? 'template-card template-card--selected' : 'template-card'}
          >
            <input
              type="radio"
              name={group}
              value={template.id}
              checked={checked}
              aria-labelledby={titleId}
              aria-describedby={detailId}
              onChange={() => onSelect(template.id)}
            />
            <span className="template-card__title" id={titleId}>
              {template.title}
            </span>
            <span id={detailId} className="template-card__detail">
              <span className="template-card__kind">{kindLabel(template.kind)}</span>
              <span className="template-card__summary">{template.summary}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
