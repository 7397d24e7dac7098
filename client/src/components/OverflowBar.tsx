import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface OverflowItem {
  key: string;
  node: ReactNode;
}

/** How many groups, from the first, fit on the row; when not all do, with room left for "More". */
function fittingCount(bar: HTMLElement, more: HTMLElement | null): number {
  const groups = Array.from(bar.querySelectorAll<HTMLElement>(':scope > [data-overflow-item]'));
  const style = getComputedStyle(bar);
  const gap = Number.parseFloat(style.columnGap) || 0;
  const available =
    bar.clientWidth -
    (Number.parseFloat(style.paddingLeft) || 0) -
    (Number.parseFloat(style.paddingRight) || 0);
  const widths = groups.map((group) => group.getBoundingClientRect().width);
  const all = widths.reduce((sum, width) => sum + width, 0) + gap * Math.max(0, widths.length - 1);
  if (all <= available) return widths.length;
  const moreWidth = (more?.getBoundingClientRect().width ?? 0) + gap;
  let used = 0;
  let count = 0;
  for (const width of widths) {
    const next = used + (count > 0 ? gap : 0) + width;
    if (next + moreWidth > available) break;
    used = next;
    count += 1;
  }
  return count;
}

/**
 * A row of control groups that never wraps: the groups that do not fit move, in order, behind
 * a "More" button (a disclosure: `aria-expanded`, `aria-controls`; Escape closes it and gives
 * focus back to the button), as Google Docs' toolbar does on a narrow window. Groups left out
 * of the row stay laid out but invisible, so their width is known when the window grows again.
 */
export function OverflowBar({
  items,
  label,
  className,
}: {
  items: OverflowItem[];
  label: string;
  className: string;
}) {
  const { t } = useTranslation();
  const barRef = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const [fit, setFit] = useState(items.length);
  const [open, setOpen] = useState(false);
  const count = items.length;

  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const measure = () => setFit(fittingCount(bar, moreRef.current));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    for (const group of Array.from(bar.querySelectorAll(':scope > [data-overflow-item]')))
      observer.observe(group);
    return () => observer.disconnect();
  }, [count]);

  const overflowing = fit < count;
  const shown = open && overflowing;

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) moreRef.current?.focus();
  }, []);

  // A click elsewhere closes the panel, as a menu does.
  useEffect(() => {
    if (!shown) return;
    const outside = (event: PointerEvent) => {
      if (!barRef.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [shown, close]);

  return (
    <div
      ref={barRef}
      className={`${className} overflow-bar`}
      role="toolbar"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && shown) {
          event.stopPropagation();
          close(true);
        }
      }}
    >
      {items.map((item, index) => (
        <div
          key={item.key}
          data-overflow-item=""
          className={
            index < fit ? 'overflow-bar__item' : 'overflow-bar__item overflow-bar__item--away'
          }
        >
          {item.node}
        </div>
      ))}
      <button
        ref={moreRef}
        type="button"
        className={
          overflowing ? 'overflow-bar__more' : 'overflow-bar__more overflow-bar__item--away'
        }
        aria-expanded={shown}
        aria-controls={panelId}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpen((value) => !value)}
      >
        {t('dayui.more')}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div
        id={panelId}
        className="overflow-bar__panel"
        role="group"
        aria-label={t('dayui.moreTools')}
        hidden={!shown}
      >
        {shown &&
          items.slice(fit).map((item) => (
            <div key={item.key} className="overflow-bar__panel-item">
              {item.node}
            </div>
          ))}
      </div>
    </div>
  );
}
