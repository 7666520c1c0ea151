import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

const KEY = 'hexcast.nsfwAccepted';

/**
 * Before an NSFW stream plays: a notice the viewer must accept (remembered in this browser). It
 * stands in for the player only, as Owncast's does: while offline there is nothing to warn about,
 * and the offline message shows as usual.
 */
export function NsfwNotice({ nsfw, children }: { nsfw: boolean; children: ComponentChildren }) {
  const [accepted, setAccepted] = useState(() => localStorage.getItem(KEY) === '1');
  if (!nsfw || accepted) return <>{children}</>;
  const accept = () => {
    localStorage.setItem(KEY, '1');
    setAccepted(true);
  };
  return (
    <div class="nsfw-notice" role="alertdialog" aria-labelledby="nsfw-title" aria-describedby="nsfw-text">
      <h2 id="nsfw-title">Mature content</h2>
      <p id="nsfw-text">The streamer marked this stream as not safe for work. It may contain content unsuitable for some viewers.</p>
      <button type="button" class="button primary" onClick={accept} autoFocus>
        I understand, show the stream
      </button>
    </div>
  );
}
