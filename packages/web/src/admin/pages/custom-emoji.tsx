import { useId } from 'preact/hooks';
import { adminPost } from '../admin-api.ts';
import { Loaded, OutcomeNote, useOutcome } from '../components/notes.tsx';
import { useAdminData } from '../use-admin-data.ts';
import { readAsDataUrl } from './image-upload.tsx';

interface Emoji {
  name: string;
  url: string;
}

/** The server's custom emoji (`:name:` in chat): upload images, remove them. */
export function CustomEmoji() {
  const id = useId();
  const emoji = useAdminData<Emoji[]>('/api/emoji');
  const { outcome, run } = useOutcome();
  const upload = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    const names = files.map((file) => file.name.replace(/\.[^.]+$/, ''));
    await run(async () => {
      for (const file of files) await adminPost('/api/admin/emoji/upload', { name: file.name, data: await readAsDataUrl(file) });
    }, `Added ${names.map((name) => `:${name}:`).join(' ')}`);
    input.value = '';
    await emoji.reload();
  };
  const remove = async (name: string) => {
    await run(() => adminPost('/api/admin/emoji/delete', { name }), `Removed :${name}:`);
    await emoji.reload();
  };
  return (
    <>
      <Loaded source={emoji} what="Custom emoji">
        {(list) =>
          list.length === 0 ? (
            <p class="muted">No custom emoji yet.</p>
          ) : (
            <ul class="emoji-admin">
              {list.map((e) => (
                <li key={e.name}>
                  <img src={e.url} alt="" width={32} height={32} loading="lazy" />
                  <span class="mono">:{e.name}:</span>
                  <button class="link-button danger" type="button" onClick={() => void remove(e.name)}>
                    Remove<span class="visually-hidden"> :{e.name}:</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <div class="field">
        <label for={id}>Add emoji</label>
        <input id={id} type="file" multiple accept="image/png,image/gif,image/jpeg,image/webp" onChange={upload} />
        <p class="help">PNG, GIF, JPEG or WebP up to 512 KiB each; the file name becomes the emoji's name.</p>
      </div>
      <OutcomeNote outcome={outcome} />
    </>
  );
}
