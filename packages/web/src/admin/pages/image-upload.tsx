import { useId, useState } from 'preact/hooks';
import { adminDelete, setConfig } from '../admin-api.ts';
import { OutcomeNote, useOutcome } from '../components/notes.tsx';

/** A file as a `data:` URL, the form the admin API takes images in. */
export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export interface ImageUploadProps {
  /** The setter (`logo`, `favicon`); the image is sent as a `data:` URL, as Owncast's admin does. */
  readonly setter: string;
  /** Where the site serves the current image. */
  readonly src: string;
  readonly label: string;
  readonly accept: string;
  readonly help: string;
  /** Offer going back to hexcast's own image (`DELETE` on the setter). */
  readonly resettable?: boolean;
}

/** Shows the current image and replaces it with an uploaded file; the server checks content and size. */
export function ImageUpload({ setter, src, label, accept, help, resettable = false }: ImageUploadProps) {
  const id = useId();
  const [version, setVersion] = useState(0);
  const { outcome, run } = useOutcome();
  const name = label.toLowerCase();
  const upload = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (await run(async () => setConfig(setter, await readAsDataUrl(file)), `${label} changed.`)) setVersion(Date.now());
    input.value = '';
  };
  const reset = async () => {
    if (await run(() => adminDelete(`/api/admin/config/${setter}`), `${label} reset to the default.`)) setVersion(Date.now());
  };
  return (
    <div class="image-upload">
      <img class="image-preview" src={`${src}${version ? `?v=${version}` : ''}`} alt={`The current ${name}`} width={64} height={64} />
      <div class="field">
        <label for={id}>Upload a new {name}</label>
        <input id={id} type="file" accept={accept} onChange={upload} />
        <p class="help">{help}</p>
      </div>
      {resettable && <button class="button" type="button" onClick={reset}>Use the default {name}</button>}
      <OutcomeNote outcome={outcome} />
    </div>
  );
}
