import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';

/**
 * Below this width the editor's side panels (presence, comments, proposals, the dashboard,
 * history) no longer sit beside the text: they become drawers over it. Kept in step with the
 * media queries of styles/layout.css.
 */
export const NARROW_LAYOUT = '(max-width: 1023px)';

function subscribeNarrow(listener: () => void): () => void {
  const query = window.matchMedia(NARROW_LAYOUT);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** Whether the window is narrow enough for drawers (a 768-pixel tablet, a split screen). */
export function useNarrowLayout(): boolean {
  return useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW_LAYOUT).matches);
}

export interface DrawerState {
  open: boolean;
  toggle: () => void;
  /** Closes the drawer and gives focus back to the button that opens it. */
  close: () => void;
}

/** Open or closed, with the id of the button that opens it (focus returns there). */
export function useDrawer(toggleId: string): DrawerState {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((value) => !value), []);
  const close = useCallback(() => {
    setOpen(false);
    document.getElementById(toggleId)?.focus();
  }, [toggleId]);
  return { open, toggle, close };
}

/** The button that opens and closes a drawer: `aria-expanded` says which. */
export function DrawerToggle({
  id,
  controls,
  state,
  label,
}: {
  id: string;
  controls: string;
  state: DrawerState;
  label: string;
}) {
  return (
    <button
      type="button"
      id={id}
      className={state.open ? 'button--primary' : undefined}
      aria-expanded={state.open}
      aria-controls={controls}
      onClick={state.toggle}
    >
      {label}
    </button>
  );
}

/**
 * A side panel: a column beside the text on a wide window; on a narrow one, a drawer over the
 * text that takes focus when it opens and closes with Escape. Its content stays mounted while
 * closed, so a comment being written is still there when the drawer opens again.
 */
export function Drawer({
  id,
  narrow,
  open,
  onClose,
  label,
  className,
  children,
}: {
  id?: string;
  narrow: boolean;
  open: boolean;
  onClose: () => void;
  /** A name for the drawer region, when its content does not already name itself. */
  label?: string;
  className: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = narrow && open;

  useEffect(() => {
    const drawer = ref.current;
    // The content may already have taken focus (the history panel focuses its heading).
    if (shown && drawer && !drawer.contains(document.activeElement)) drawer.focus();
  }, [shown]);

  // The same element in both layouts, so the panels keep their state when the window resizes.
  return (
    <div
      id={id}
      ref={ref}
      className={narrow ? `${className} drawer` : className}
      hidden={narrow && !open}
      tabIndex={narrow ? -1 : undefined}
      role={narrow && label ? 'region' : undefined}
      aria-label={narrow ? label : undefined}
      onKeyDown={(event) => {
        if (!narrow || event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      {children}
    </div>
  );
}
