import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One labelled input of the gallery's form: a required mark, the template's help, and the
 * server's sentence when a 422 answer names this field (announced with the input).
 */
export function FieldInput({
  label,
  value,
  onChange,
  type = 'text',
  required = false,
  help,
  error,
  list,
  inputRef,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'year' | 'date';
  required?: boolean;
  help?: string | undefined;
  error?: string | null | undefined;
  list?: string | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required-mark">
            <span aria-hidden="true"> *</span>
            <span className="visually-hidden"> ({t('gallery.required')})</span>
          </span>
        )}
      </label>
      <input
        id={id}
        ref={inputRef}
        type={type === 'date' ? 'date' : 'text'}
        inputMode={type === 'year' ? 'numeric' : undefined}
        value={value}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        list={list}
        onChange={(event) => onChange(event.target.value)}
      />
      {help && (
        <small id={helpId} className="muted">
          {help}
        </small>
      )}
      {error && (
        <small id={errorId} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
