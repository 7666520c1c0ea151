import { useState } from 'preact/hooks';
import type { ChatUser } from '../shared/api.ts';
import type { ChatSession } from './chat-session.ts';

const MAX_NAME = 30;
const COLORS = [0, 1, 2, 3, 4, 5, 6, 7];

/** Rename and pick a colour; the server confirms with a fresh CONNECTED_USER_INFO (or explains a refusal in chat). */
export function UserSettings({ session, user, onClose }: { session: ChatSession; user: ChatUser; onClose(): void }) {
  const [name, setName] = useState(user.displayName);
  const rename = () => {
    const next = name.trim();
    if (next !== '' && next !== user.displayName) session.rename(next);
    onClose();
  };
  return (
    <div class="popover user-settings" role="dialog" aria-label="Your chat name and colour">
      {/* Not a <form>: this sits inside the composer's form, and forms do not nest. */}
      <label for="chat-name">Name</label>
      <div class="row">
        <input
          id="chat-name"
          value={name}
          maxLength={MAX_NAME}
          autoComplete="nickname"
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), rename())}
        />
        <button type="button" class="button" onClick={rename}>
          Save
        </button>
      </div>
      <fieldset class="colors">
        <legend>Colour</legend>
        {COLORS.map((color) => (
          <button
            key={color}
            type="button"
            class="color-swatch"
            style={{ background: `var(--user-color-${color})` }}
            aria-label={`Colour ${color + 1}`}
            aria-pressed={user.displayColor === color}
            onClick={() => session.setColor(color)}
          />
        ))}
      </fieldset>
    </div>
  );
}
