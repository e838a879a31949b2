import { useEffect } from 'react';

/** Sets the tab's title to the page's heading, so that a worker with many tabs (or a screen reader) knows where she is. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Lintas`;
  }, [title]);
}
