import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo, TemplateDetail } from '@accord/shared/api';
import { DELEGATION_GROUPS, OAS_MEMBER_STATES } from '@accord/shared/delegations';
import { ApiError } from '../api/client';
import { errorMessage } from '../hooks/useApiData';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldInput } from './FieldInput';
import { galleryApi } from './galleryApi';
import { formTarget, type GalleryField } from './templateFields';

type FormError = { message: string; target: ReturnType<typeof formTarget> };

/**
 * The selected template's fields and the document's title, then "Create document". Validation
 * is the server's: its 422 sentence appears under the field it names, which takes the focus.
 */
export function TemplateForm({
  meetingId,
  template,
  fields,
  values,
  onValuesChange,
  onCreated,
}: {
  meetingId: string;
  template: TemplateDetail;
  fields: readonly GalleryField[];
  values: Readonly<Record<string, string>>;
  onValuesChange: (values: Record<string, string>) => void;
  onCreated: (document: DocumentInfo) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(template.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const titleInput = useRef<HTMLInputElement>(null);
  const delegationsId = useId();
  const headingId = useId();

  // Move the focus to the field the server named, so the sentence under it is read out.
  useEffect(() => {
    const target = error?.target;
    if (!target) return;
    const input = target.kind === 'title' ? titleInput.current : inputs.current.get(target.name);
    input?.focus();
  }, [error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const trimmed = title.trim();
    const filled = Object.fromEntries(
      Object.entries(values).map(([name, value]) => [name, value.trim()]),
    );
    try {
      const document = await galleryApi.createDocument(meetingId, {
        templateId: template.id,
        values: filled,
        ...(trimmed ? { title: trimmed } : {}),
      });
      onCreated(document);
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.field : undefined;
      setError({ message: errorMessage(caught), target: formTarget(field, fields) });
      setBusy(false);
    }
  };

  const errorFor = (name: string) =>
    error?.target?.kind === 'field' && error.target.name === name ? error.message : null;

  return (
    <form
      className="template-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h4 id={headingId}>{t('gallery.detailsTitle')}</h4>
      <FieldInput
        label={t('gallery.documentTitle')}
        value={title}
        onChange={setTitle}
        help={t('gallery.documentTitleHint')}
        error={error?.target?.kind === 'title' ? error.message : null}
        inputRef={titleInput}
      />
      {fields.map((field) => (
        <FieldInput
          key={field.name}
          label={field.label}
          type={field.type === 'delegation' ? 'text' : field.type}
          value={values[field.name] ?? ''}
          onChange={(value) => onValuesChange({ ...values, [field.name]: value })}
          required={field.required}
          help={field.help ?? (field.type === 'year' ? t('gallery.yearHint') : undefined)}
          error={errorFor(field.name)}
          list={field.type === 'delegation' ? delegationsId : undefined}
          inputRef={(input: HTMLInputElement | null) => {
            if (input) inputs.current.set(field.name, input);
            else inputs.current.delete(field.name);
          }}
        />
      ))}
      <datalist id={delegationsId}>
        {[...OAS_MEMBER_STATES, ...DELEGATION_GROUPS].map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={busy}>
          {busy ? t('gallery.creating') : t('gallery.create')}
        </button>
      </div>
      {error && !error.target && <ErrorNotice message={error.message} />}
    </form>
  );
}
