import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { AdminData } from '../use-admin-data.ts';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What a panel shows before its data is there: "Loading…", "unavailable" when the server has no
 * such endpoint, or the failure; then its children with the data. A refresh that fails after a
 * success keeps showing the last data with the error above it.
 */
export function Loaded<T>({ source, what, children }: { source: AdminData<T>; what: string; children: (data: T) => ComponentChildren }) {
  if (source.unavailable) return <p class="note unavailable">{what}: unavailable on this server.</p>;
  if (source.data === undefined) {
    return source.error ? <p class="note error" role="alert">{what}: {source.error}</p> : <p class="note" role="status">Loading {what.toLowerCase()}…</p>;
  }
  return (
    <>
      {source.error && <p class="note error" role="alert">{source.error}</p>}
      {children(source.data)}
    </>
  );
}

/** A titled block of a page. */
export function Panel({ title, children, wide = false, actions }: { title: string; children: ComponentChildren; wide?: boolean; actions?: ComponentChildren }) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section class={`panel ${wide ? 'wide' : ''}`} aria-labelledby={id}>
      <header class="panel-header">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export interface Outcome {
  readonly ok: boolean;
  readonly text: string;
}

/** Runs an admin action and keeps what came of it (the success text or the server's refusal) for {@link OutcomeNote}. */
export function useOutcome() {
  const [outcome, setOutcome] = useState<Outcome>();
  const run = async (action: () => Promise<unknown>, okText: string): Promise<boolean> => {
    try {
      await action();
      setOutcome({ ok: true, text: okText });
      return true;
    } catch (error) {
      setOutcome({ ok: false, text: errorMessage(error) });
      return false;
    }
  };
  return { outcome, setOutcome, run };
}

/** The result of the last action, announced to screen readers. */
export function OutcomeNote({ outcome }: { outcome: Outcome | undefined }) {
  return (
    <p class={`form-status ${outcome === undefined ? '' : outcome.ok ? 'saved' : 'failed'}`} role="status">
      {outcome?.text}
    </p>
  );
}
