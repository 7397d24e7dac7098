import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fittingCount } from './overflowFit';

export interface OverflowItem {
  key: string;
  node: ReactNode;
}

/**
 * A row of control groups that never wraps: the groups that do not fit move, in order, behind
 * a "More" button (a disclosure: `aria-expanded`, `aria-controls`; Escape closes it and gives
 * focus back to the button), as Google Docs' toolbar does on a narrow window. Each control
 * exists once, in the row or behind "More". The widths of groups behind "More" are those they
 * had on the row; every group is laid out on the row again (before paint) when the groups or
 * the language change.
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
  const { t, i18n } = useTranslation();
  const barRef = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const widths = useRef(new Map<string, number>());
  const keyList = items.map((item) => item.key).join('|');
  const signature = `${keyList}@${i18n.language}`;

  // How many groups fit on the row, and for which groups and language that was measured.
  const [layout, setLayout] = useState<{ fit: number; for: string | null }>({
    fit: items.length,
    for: null,
  });
  const measuredFor = layout.for;
  const [open, setOpen] = useState(false);
  // Until this set of groups has been measured, all of them are on the row.
  const inRow = measuredFor === signature ? Math.min(layout.fit, items.length) : items.length;

  const measure = useCallback(() => {
    const bar = barRef.current;
    if (!bar) return;
    for (const element of Array.from(
      bar.querySelectorAll<HTMLElement>(':scope > [data-overflow-item]'),
    ))
      widths.current.set(element.dataset.overflowItem ?? '', element.getBoundingClientRect().width);
    const style = getComputedStyle(bar);
    const available =
      bar.clientWidth -
      (Number.parseFloat(style.paddingLeft) || 0) -
      (Number.parseFloat(style.paddingRight) || 0);
    const fit = fittingCount(
      keyList.split('|').map((key) => widths.current.get(key) ?? 0),
      available,
      moreRef.current?.getBoundingClientRect().width ?? 0,
      Number.parseFloat(style.columnGap) || 0,
    );
    setLayout((current) =>
      current.fit === fit && current.for === signature ? current : { fit, for: signature },
    );
  }, [keyList, signature]);

  useLayoutEffect(() => {
    if (measuredFor !== signature) measure();
  }, [measuredFor, signature, measure]);

  // A wider or narrower window, or a group on the row changing width (a longer label).
  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    for (const group of Array.from(bar.querySelectorAll(':scope > [data-overflow-item]')))
      observer.observe(group);
    return () => observer.disconnect();
  }, [measure, inRow, signature]);

  const overflowing = inRow < items.length;
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
      {items.slice(0, inRow).map((item) => (
        <div key={item.key} data-overflow-item={item.key} className="overflow-bar__item">
          {item.node}
        </div>
      ))}
      {/* Always laid out, so its width is known; hidden while everything fits. */}
      <button
        ref={moreRef}
        type="button"
        className={overflowing ? 'overflow-bar__more' : 'overflow-bar__more overflow-bar__away'}
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
          items.slice(inRow).map((item) => (
            <div key={item.key} className="overflow-bar__panel-item">
              {item.node}
            </div>
          ))}
      </div>
    </div>
  );
}
