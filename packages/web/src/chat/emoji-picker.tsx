import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Emoji } from '../shared/api.ts';

/** The server's custom emoji (`/api/emoji`) as a grid of buttons (the composer closes it on Escape). */
export function EmojiPicker({ onPick }: { onPick(name: string): void }) {
  const [emoji, setEmoji] = useState<Emoji[]>();
  const [filter, setFilter] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    api.emoji().then(setEmoji, () => setEmoji([]));
    searchRef.current?.focus();
  }, []);
  const shown = (emoji ?? []).filter((e) => e.name.toLowerCase().includes(filter.toLowerCase()));

  return (
    <div class="popover emoji-picker" role="dialog" aria-label="Emoji">
      <input ref={searchRef} type="search" placeholder="Find emoji" aria-label="Find emoji" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
      {emoji === undefined && <p>Loading…</p>}
      {emoji !== undefined && shown.length === 0 && <p>No emoji.</p>}
      <div class="emoji-grid">
        {shown.map((e) => (
          <button key={e.name} type="button" class="emoji-button" title={`:${e.name}:`} aria-label={e.name} onClick={() => onPick(e.name)}>
            <img src={e.url} alt="" loading="lazy" width={28} height={28} />
          </button>
        ))}
      </div>
    </div>
  );
}
