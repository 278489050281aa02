/**
 * Runs one write of the file tabs (checklist, binding, education, attachments) and shows its
 * refusal — a `ValidationError` or any other error, already in Chinese — as a message. The tabs
 * keep what the clerk typed when a write is refused.
 */
import { App } from 'antd';
import { useCallback } from 'react';
import { errorMessage } from '../../../../shared/rules/error-message';

export function useFileAction(): <T>(write: () => Promise<T>) => Promise<T | undefined> {
  const { message } = App.useApp();
  return useCallback(
    async <T,>(write: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await write();
      } catch (error) {
        void message.error(errorMessage(error));
        return undefined;
      }
    },
    [message],
  );
}

/** The last record per item id (by creation), as the engine reads them. */
export function latestBy<T extends { id: string }>(rows: readonly T[], key: (row: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    const seen = map.get(k);
    if (seen === undefined || row.id > seen.id) map.set(k, row);
  }
  return map;
}
