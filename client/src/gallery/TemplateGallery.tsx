import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo, Meeting, TemplateDetail, TemplateSummary } from '@accord/shared/api';
import { meetingFieldDefaults } from '@accord/shared/template-defaults';
import { useApiData } from '../hooks/useApiData';
import { Loading } from '../components/Loading';
import { ErrorNotice } from '../components/ErrorNotice';
import { galleryApi } from './galleryApi';
import { TemplateCards, useKindLabel } from './TemplateCards';
import { TemplatePreview } from './TemplatePreview';
import { TemplateForm } from './TemplateForm';
import { defaultValues, templateFields } from './templateFields';
import './gallery.css';

/** The chosen template: its preview beside its form, sharing the values being typed. */
function TemplateWorkspace({
  meetingId,
  meeting,
  template,
  onCreated,
}: {
  meetingId: string;
  meeting: Meeting | undefined;
  template: TemplateDetail;
  onCreated: (document: DocumentInfo) => void;
}) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const fields = useMemo(() => templateFields(template), [template]);
  // The meeting's own facts (name, sector, venue, dates) before the template's defaults.
  const [values, setValues] = useState(() => ({
    ...defaultValues(fields),
    ...(meeting
      ? meetingFieldDefaults(
          fields.map((field) => field.name),
          meeting,
          template.language ?? 'en',
        )
      : {}),
  }));
  return (
    <div className="template-workspace">
      <div className="template-workspace__preview">
        <h4>{template.title}</h4>
        <p className="muted">
          {kindLabel(template.kind)} · {t(`gallery.styles.${template.style}`)}
        </p>
        <p className="muted small">{t('gallery.previewHint')}</p>
        <TemplatePreview template={template} fields={fields} values={values} />
      </div>
      <TemplateForm
        meetingId={meetingId}
        template={template}
        fields={fields}
        values={values}
        onValuesChange={setValues}
        onCreated={onCreated}
      />
    </div>
  );
}

function SelectedTemplate({
  meetingId,
  meeting,
  templateId,
  onCreated,
}: {
  meetingId: string;
  meeting: Meeting | undefined;
  templateId: string;
  onCreated: (document: DocumentInfo) => void;
}) {
  const { t } = useTranslation();
  const detail = useApiData(() => galleryApi.template(templateId), templateId);
  if (detail.status === 'loading')
    return (
      <p className="loading" role="status">
        {t('gallery.loadingTemplate')}
      </p>
    );
  if (detail.status === 'error') return <ErrorNotice message={detail.message} />;
  return (
    <TemplateWorkspace
      key={detail.data.id}
      meetingId={meetingId}
      meeting={meeting}
      template={detail.data}
      onCreated={onCreated}
    />
  );
}

/** The templates in the meeting's languages (all of them when the meeting is not known). */
function offered(templates: TemplateSummary[], meeting: Meeting | undefined): TemplateSummary[] {
  if (!meeting) return templates;
  return templates.filter((template) => meeting.languages.includes(template.language ?? 'en'));
}

/**
 * The template gallery of the meeting page: every template as a card; the chosen one previewed
 * with its guidance and its fields as a form; "Create document" opens the new draft.
 */
export function TemplateGallery({
  meetingId,
  meeting,
  onCreated,
}: {
  meetingId: string;
  /** The meeting: its languages choose the templates offered, its facts fill their fields. */
  meeting?: Meeting;
  onCreated: (document: DocumentInfo) => void;
}) {
  const { t } = useTranslation();
  const templates = useApiData(() => galleryApi.templates(), 'templates');
  const [selected, setSelected] = useState<string | null>(null);
  const headingId = useId();

  let body;
  if (templates.status === 'loading') body = <Loading />;
  else if (templates.status === 'error') body = <ErrorNotice message={templates.message} />;
  else if (offered(templates.data, meeting).length === 0)
    body = <p className="muted">{t('gallery.noTemplates')}</p>;
  else
    body = (
      <>
        <TemplateCards
          templates={offered(templates.data, meeting)}
          selected={selected}
          onSelect={setSelected}
        />
        {selected && (
          <SelectedTemplate
            key={selected}
            meetingId={meetingId}
            meeting={meeting}
            templateId={selected}
            onCreated={onCreated}
          />
        )}
      </>
    );

  return (
    <section className="gallery" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('gallery.title')}</h3>
      <p className="muted">{t('gallery.intro')}</p>
      {body}
    </section>
  );
}
