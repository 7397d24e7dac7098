import type { ReactNode } from 'react';

/** An error in a sentence, in place of the content that could not be shown. */
export function ErrorNotice({
  title,
  message,
  children,
}: {
  title?: string;
  message: string;
  children?: ReactNode;
}) {
  return (
    <div className="notice notice--error" role="alert">
      {title && <h2>{title}</h2>}
      <p>{message}</p>
      {children}
    </div>
  );
}
