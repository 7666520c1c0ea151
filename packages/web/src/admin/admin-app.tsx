import type { FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ADMIN_BASE, hasNavigated, routeClick, useSectionPath } from './router.ts';
import { SECTIONS, type Section } from './sections.ts';

/** The admin shell: navigation (a sidebar, a menu on phones) and the current section. */
export function AdminApp() {
  const path = useSectionPath();
  const section = SECTIONS.find((s) => s.path === path);
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    document.title = `${section?.label ?? 'Not found'} · hexcast admin`;
    setMenuOpen(false);
  }, [section]);

  return (
    <div class="admin">
      <a class="skip-link" href="#admin-main">Skip to content</a>
      <header class="admin-bar">
        <button class="icon-button menu-button" type="button" aria-expanded={menuOpen} aria-controls="admin-nav" onClick={() => setMenuOpen(!menuOpen)}>
          <span aria-hidden="true">☰</span>
          <span class="visually-hidden">Menu</span>
        </button>
        <a class="admin-brand" href={ADMIN_BASE} onClick={routeClick('')}>hexcast admin</a>
        <a class="view-site" href="/" target="_blank" rel="noopener">View the site ↗</a>
      </header>
      <nav id="admin-nav" class={`admin-nav ${menuOpen ? 'open' : ''}`} aria-label="Admin sections">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.path}>
              <a href={`${ADMIN_BASE}${s.path}`} aria-current={s === section ? 'page' : undefined} onClick={routeClick(s.path)}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="admin-main" class="admin-main" tabIndex={-1}>
        {section ? <LazySection key={section.path} section={section} /> : <NotFound />}
      </main>
    </div>
  );
}

function LazySection({ section }: { section: Section }) {
  const [Page, setPage] = useState<FunctionComponent>();
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    section.load().then((component) => setPage(() => component), () => setFailed(true));
  }, [section]);
  // After moving between sections, focus goes to the new heading: keyboard and screen-reader
  // users learn the page changed and continue from its top.
  useEffect(() => {
    if (Page && hasNavigated()) heading.current?.focus();
  }, [Page]);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>{section.label}</h1>
      {failed ? <p class="note error" role="alert">This section could not be loaded: reload the page.</p> : Page ? <Page /> : <p class="note" role="status">Loading…</p>}
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no such admin section. <a href={ADMIN_BASE} onClick={routeClick('')}>Go to the dashboard</a>.
      </p>
    </>
  );
}
