import { useEffect, useState } from 'preact/hooks';

/** The admin lives under /admin/; its sections are client-side routes below it. */
export const ADMIN_BASE = '/admin/';
const CHANGE = 'hexcast:navigate';
let navigated = false;

/** True once the admin moved between sections in this page (not on its first load). */
export function hasNavigated(): boolean {
  return navigated;
}

/** The section path below /admin/ ('' for the dashboard), following history navigation. */
export function useSectionPath(): string {
  const [path, setPath] = useState(currentSection);
  useEffect(() => {
    const update = () => {
      navigated = true;
      setPath(currentSection());
    };
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return path;
}

function currentSection(): string {
  const { pathname } = window.location;
  return pathname.startsWith(ADMIN_BASE) ? pathname.slice(ADMIN_BASE.length).replace(/\/+$/, '') : '';
}

/** Goes to a section without reloading the page (a plain link still works without script). */
export function navigate(section: string): void {
  window.history.pushState(null, '', `${ADMIN_BASE}${section}`);
  window.dispatchEvent(new Event(CHANGE));
}

/** Click handler for in-app links: ordinary clicks route in place, modified clicks open as usual. */
export function routeClick(section: string) {
  return (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(section);
  };
}
