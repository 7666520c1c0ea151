import { useRef, useState } from 'preact/hooks';
import type { ExternalAction } from '../shared/api.ts';

const isWebUrl = (url: string, base?: string) => URL.canParse(url, base) && ['http:', 'https:'].includes(new URL(url, base).protocol);

/**
 * The admin's action buttons. One marked "open externally" is a link to a new tab; the others
 * open their page in a dialog over the stream, as Owncast does.
 */
export function ExternalActions({ actions }: { actions: ExternalAction[] }) {
  const [open, setOpen] = useState<ExternalAction>();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const usable = actions.filter((a) => isWebUrl(a.url));
  if (usable.length === 0) return null;
  const show = (action: ExternalAction) => {
    setOpen(action);
    requestAnimationFrame(() => dialogRef.current?.showModal());
  };

  return (
    <div class="external-actions">
      {usable.map((action) => {
        const style = action.color ? { background: action.color, borderColor: action.color } : undefined;
        const icon = action.icon && isWebUrl(action.icon, location.href) ? <img src={action.icon} alt="" width={18} height={18} /> : null;
        return action.openExternally ? (
          <a key={action.url} class="button" href={action.url} target="_blank" rel="noopener noreferrer" style={style} title={action.description}>
            {icon}
            {action.title}
          </a>
        ) : (
          <button key={action.url} type="button" class="button" style={style} title={action.description} onClick={() => show(action)}>
            {icon}
            {action.title}
          </button>
        );
      })}
      <dialog ref={dialogRef} class="action-dialog" aria-label={open?.title} onClose={() => setOpen(undefined)}>
        {open && (
          <>
            <header>
              <h2>{open.title}</h2>
              <button type="button" class="icon-button" aria-label="Close" onClick={() => dialogRef.current?.close()}>
                ✕
              </button>
            </header>
            <iframe src={open.url} title={open.title} sandbox="allow-scripts allow-forms allow-popups allow-same-origin" />
          </>
        )}
      </dialog>
    </div>
  );
}
