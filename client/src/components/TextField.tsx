import { useId } from 'react';

/** A labelled input; `invalid` marks the field the server named in a 422 answer. */
export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  required = false,
  invalid = false,
  placeholder,
  hint,
  list,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date';
  required?: boolean;
  invalid?: boolean;
  placeholder?: string | undefined;
  hint?: string;
  list?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={hint ? hintId : undefined}
        placeholder={placeholder}
        list={list}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
    </div>
  );
}
