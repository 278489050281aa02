/**
 * Keyboard-first forms: Enter moves to the next field in the paper form's order (the DOM order
 * of the scope) instead of submitting; a multi-line box keeps Enter for a new line and moves on
 * Ctrl+Enter. On a button Enter still presses it, so the last field leads to 登记 and one more
 * Enter registers. A field that handles Enter itself (an open drop-down picking an option, the
 * person picker searching) calls preventDefault and is left alone.
 */
import { useCallback, type KeyboardEvent } from 'react';

/** Marks the element whose descendants take part (the form). */
export const ENTER_SCOPE_ATTR = 'data-enter-scope';

const FOCUSABLE = [
  'input:not([type=hidden]):not([disabled]):not([readonly])',
  'textarea:not([disabled]):not([readonly])',
  'select:not([disabled])',
  'button:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

function visible(el: HTMLElement): boolean {
  return el.offsetParent !== null || el.getClientRects().length > 0;
}

/** The elements Enter can land on, in order; one per radio group, no row-action buttons. */
export function enterTargets(scope: HTMLElement): HTMLElement[] {
  const seenRadio = new Set<string>();
  const out: HTMLElement[] = [];
  for (const el of scope.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (!visible(el) || el.tabIndex < 0) continue;
    if (el.closest('[data-enter-skip]')) continue;
    // A drop-down's clear button is part of the drop-down, not a field of its own.
    if (el.tagName === 'BUTTON' && el.closest('.ant-select')) continue;
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name !== '') {
      if (seenRadio.has(el.name)) continue;
      seenRadio.add(el.name);
      const group = el.name ? scope.querySelector<HTMLInputElement>(`input[type=radio][name="${CSS.escape(el.name)}"]:checked`) : null;
      out.push(group ?? el);
      continue;
    }
    out.push(el);
  }
  return out;
}

/** Focuses the field after `from` in its scope; returns whether it moved. */
export function focusNextField(from: HTMLElement): boolean {
  const scope = from.closest<HTMLElement>(`[${ENTER_SCOPE_ATTR}]`);
  if (scope === null) return false;
  const targets = enterTargets(scope);
  let index = targets.indexOf(from);
  if (index < 0 && from instanceof HTMLInputElement && from.type === 'radio' && from.name !== '') {
    // The group is one stop, whichever of its radios has the focus.
    index = targets.findIndex((t) => t instanceof HTMLInputElement && t.type === 'radio' && t.name === from.name);
  }
  if (index < 0) index = targets.findIndex((t) => t.contains(from) || from.contains(t));
  if (index < 0) {
    // `from` is inside a composite widget: take the first target after it in document order.
    const next = targets.find((t) => from.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (next === undefined) return false;
    next.focus();
    selectAll(next);
    return true;
  }
  const next = targets[index + 1];
  if (next === undefined) return false;
  next.focus();
  selectAll(next);
  return true;
}

function selectAll(el: HTMLElement): void {
  if (el instanceof HTMLInputElement && ['text', 'search', 'tel', ''].includes(el.type) && !el.closest('.ant-select')) el.select();
}

/**
 * The scope's keydown handler. `onEnter` runs before focus moves (flush a draft there; leaving
 * the field commits it anyway through its blur).
 */
export function useEnterToNext(onEnter?: () => void): { [ENTER_SCOPE_ATTR]: ''; onKeyDown: (e: KeyboardEvent<HTMLElement>) => void } {
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key !== 'Enter' || e.defaultPrevented || e.nativeEvent.isComposing || e.altKey || e.shiftKey || e.metaKey) return;
      const target = e.target as HTMLElement;
      if (target instanceof HTMLButtonElement || target.getAttribute('role') === 'button') return;
      if (target.closest('[data-enter="self"]')) return;
      if (target instanceof HTMLTextAreaElement && !e.ctrlKey) return;
      if (!(target instanceof HTMLTextAreaElement) && e.ctrlKey) return;
      e.preventDefault();
      onEnter?.();
      focusNextField(target);
    },
    [onEnter],
  );
  return { [ENTER_SCOPE_ATTR]: '', onKeyDown };
}
