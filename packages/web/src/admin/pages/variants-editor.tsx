import { setConfig } from '../admin-api.ts';
import type { OutputVariant } from '../admin-types.ts';
import { OutcomeNote, useOutcome } from '../components/notes.tsx';
import { useRows } from '../components/use-rows.ts';

const PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast'];
const NUMBERS = ['scaledHeight', 'videoBitrate', 'framerate', 'audioBitrate'] as const;
type Row = Omit<OutputVariant, (typeof NUMBERS)[number]> & Record<(typeof NUMBERS)[number], string>;

const NEW_VARIANT: OutputVariant = { name: '', videoPassthrough: false, audioPassthrough: true, videoBitrate: 1200, audioBitrate: 0, scaledWidth: 0, scaledHeight: 720, framerate: 30, cpuUsageLevel: 2 };

const toRow = (v: OutputVariant): Row => ({ ...v, scaledHeight: String(v.scaledHeight), videoBitrate: String(v.videoBitrate), framerate: String(v.framerate), audioBitrate: String(v.audioBitrate) });
const fromRow = (row: Row): OutputVariant => ({ ...row, scaledHeight: Number(row.scaledHeight), videoBitrate: Number(row.videoBitrate), framerate: Number(row.framerate), audioBitrate: Number(row.audioBitrate) });

/** The output ladder as an editable table: one row per variant, saved as a whole. */
export function VariantsEditor({ variants, onSaved }: { variants: readonly OutputVariant[]; onSaved: () => void }) {
  const { rows, update, add, remove } = useRows(() => variants.map(toRow));
  const { outcome, setOutcome, run } = useOutcome();
  const save = async (event: Event) => {
    event.preventDefault();
    const bad = rows.findIndex((row) => NUMBERS.some((k) => !/^\d+$/.test(row[k].trim())));
    if (bad >= 0) return setOutcome({ ok: false, text: `Variant ${bad + 1}: sizes, bitrates and frame rates are whole numbers.` });
    if (await run(() => setConfig('video/streamoutputvariants', rows.map(fromRow)), 'Saved: the next stream uses this ladder.')) onSaved();
  };
  const numberCell = (i: number, key: (typeof NUMBERS)[number], label: string, disabled = false) => (
    <td data-label={label}>
      <input class="narrow" inputMode="numeric" aria-label={`${label}, variant ${i + 1}`} value={rows[i]![key]} disabled={disabled} onInput={(e) => update(i, { [key]: e.currentTarget.value })} />
    </td>
  );
  return (
    <form class="config-form" onSubmit={save}>
      <div class="table-scroll">
        <table class="table cards">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Copy source video</th>
              <th scope="col">Height (0: source)</th>
              <th scope="col">Video kbps</th>
              <th scope="col">FPS</th>
              <th scope="col">x264 preset</th>
              <th scope="col">Copy source audio</th>
              <th scope="col">Audio kbps</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td data-label="Name"><input aria-label={`Name, variant ${i + 1}`} value={row.name} placeholder="automatic" onInput={(e) => update(i, { name: e.currentTarget.value })} /></td>
                <td data-label="Copy source video"><input type="checkbox" aria-label={`Copy source video, variant ${i + 1}`} checked={row.videoPassthrough} onChange={(e) => update(i, { videoPassthrough: e.currentTarget.checked })} /></td>
                {numberCell(i, 'scaledHeight', 'Height', row.videoPassthrough)}
                {numberCell(i, 'videoBitrate', 'Video bitrate', row.videoPassthrough)}
                {numberCell(i, 'framerate', 'Frame rate', row.videoPassthrough)}
                <td data-label="x264 preset">
                  <select aria-label={`x264 preset, variant ${i + 1}`} value={String(row.cpuUsageLevel)} disabled={row.videoPassthrough} onChange={(e) => update(i, { cpuUsageLevel: Number(e.currentTarget.value) })}>
                    {PRESETS.map((preset, level) => <option key={preset} value={String(level)}>{preset}</option>)}
                  </select>
                </td>
                <td data-label="Copy source audio"><input type="checkbox" aria-label={`Copy source audio, variant ${i + 1}`} checked={row.audioPassthrough} onChange={(e) => update(i, { audioPassthrough: e.currentTarget.checked })} /></td>
                {numberCell(i, 'audioBitrate', 'Audio bitrate', row.audioPassthrough)}
                <td><button class="button" type="button" disabled={rows.length === 1} onClick={() => remove(i)}>Remove<span class="visually-hidden"> variant {i + 1}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="form-actions">
        <button class="button" type="button" onClick={() => add(toRow(NEW_VARIANT))}>Add a variant</button>
        <button class="button primary" type="submit">Save variants</button>
        <OutcomeNote outcome={outcome} />
      </div>
    </form>
  );
}
