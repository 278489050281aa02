/**
 * A drop-down of several choices (评审专家, 评审的申请) that leaves on Tab as any other field does.
 * antd's multiple select takes Tab as "toggle the highlighted option" and keeps the focus: a clerk
 * who clicks the last option and tabs on would untick it again. Here Tab is stopped before the
 * list sees it, so the focus moves on (the list closes on blur) and every tick stays.
 * Enter still toggles the highlighted option, arrows move through the list.
 */
import { Select, type SelectProps } from 'antd';
import type { KeyboardEvent } from 'react';

export type MultiSelectProps = Omit<SelectProps<string[]>, 'mode'>;

export function MultiSelect(props: MultiSelectProps) {
  const onKeyDownCapture = (e: KeyboardEvent) => {
    // Not preventDefault: the browser moves the focus on.
    if (e.key === 'Tab') e.stopPropagation();
  };
  return (
    <span onKeyDownCapture={onKeyDownCapture} style={{ display: 'block' }}>
      <Select<string[]> {...props} mode="multiple" />
    </span>
  );
}
