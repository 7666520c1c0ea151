import type { ServerConfig } from '../admin-types.ts';
import { ConfigForm } from '../components/config-form.tsx';
import { Loaded, Panel } from '../components/notes.tsx';
import { useAdminData } from '../use-admin-data.ts';
import { VariantsEditor } from './variants-editor.tsx';

const LATENCY = [
  { value: 0, label: '0: lowest latency (1 s segments), least tolerant of bad networks' },
  { value: 1, label: '1: low latency (2 s segments)' },
  { value: 2, label: '2: balanced (3 s segments)' },
  { value: 3, label: '3: high latency (4 s segments)' },
  { value: 4, label: '4: highest latency (5 s segments), most tolerant' },
];

/** `/admin/video`: the output ladder, the latency level and the encoder. */
export function VideoPage() {
  const config = useAdminData<ServerConfig>('/api/admin/serverconfig');
  return (
    <Loaded source={config} what="Video settings">
      {(c) => (
        <div class="panels">
          <Panel title="Output variants" wide>
            <p class="muted">Each variant is one quality viewers can pick. Changes apply from the next stream.</p>
            <VariantsEditor variants={c.videoSettings.videoQualityVariants} onSaved={config.reload} />
          </Panel>
          <Panel title="Latency and encoder" wide>
            <ConfigForm
              onSaved={config.reload}
              fields={[
                { key: 'video/streamlatencylevel', label: 'Latency level', kind: 'select', value: c.videoSettings.latencyLevel, options: LATENCY },
                {
                  key: 'video/codec',
                  label: 'Video encoder',
                  kind: 'select',
                  value: c.videoCodec,
                  options: (c.supportedCodecs.length > 0 ? c.supportedCodecs : [c.videoCodec]).map((codec) => ({ value: codec, label: codec })),
                  help: 'Only encoders that work on this machine are listed.',
                },
              ]}
            />
          </Panel>
        </div>
      )}
    </Loaded>
  );
}
