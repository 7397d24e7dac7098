import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PartFailed() {
  const { t } = useTranslation();
  return (
    <div className="banner banner--error" role="alert">
      <p>{t('dayui.partFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('dayui.reloadPage')}
      </button>
    </div>
  );
}

/**
 * Keeps a part of the page that could not be loaded (its code never arrived) from taking the
 * whole page down with it: the text stays on screen, and the part says so in one sentence.
 */
export class PartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <PartFailed /> : this.props.children;
  }
}

/** A part of a page whose code loads on demand: its loading line, then it, or its one sentence. */
export function Part({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return (
    <PartBoundary>
      <Suspense fallback={fallback}>{children}</Suspense>
    </PartBoundary>
  );
}
