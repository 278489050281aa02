import { useEffect } from 'react';
import type { DraftSaver } from './drafts';

/**
 * Writes a draft's pending change at once when the window is hidden, the page goes away or the
 * form unmounts, rather than when its debounce would have: a closed window keeps what was typed.
 */
export function useFlushWhenHidden(saver: Pick<DraftSaver<unknown>, 'flush'>): void {
  useEffect(() => {
    const onHide = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      void saver.flush();
    };
  }, [saver]);
}
