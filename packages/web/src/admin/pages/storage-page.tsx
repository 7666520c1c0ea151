import type { ServerConfig } from '../admin-types.ts';
import { ConfigForm } from '../components/config-form.tsx';
import { Loaded, Panel } from '../components/notes.tsx';
import { useAdminData } from '../use-admin-data.ts';

/** `/admin/storage`: S3-compatible object storage for the video, and where viewers fetch it. */
export function StoragePage() {
  const config = useAdminData<ServerConfig>('/api/admin/serverconfig');
  return (
    <Loaded source={config} what="Storage settings">
      {(c) => (
        <div class="panels">
          <Panel title="S3-compatible storage" wide>
            <p class="muted">Off: video segments are served by this server. On: they are uploaded to the bucket and viewers fetch them there (from the next stream).</p>
            <ConfigForm
              saveAs="s3"
              onSaved={config.reload}
              submitLabel="Save storage"
              columns
              fields={[
                { key: 'enabled', label: 'Use S3-compatible storage', kind: 'toggle', value: c.s3.enabled },
                { key: 'endpoint', label: 'Endpoint', kind: 'text', value: c.s3.endpoint, placeholder: 'https://s3.eu-central-1.amazonaws.com' },
                { key: 'region', label: 'Region', kind: 'text', value: c.s3.region, placeholder: 'us-east-1' },
                { key: 'bucket', label: 'Bucket', kind: 'text', value: c.s3.bucket },
                { key: 'accessKey', label: 'Access key', kind: 'text', value: c.s3.accessKey },
                { key: 'secret', label: 'Secret key', kind: 'password', value: c.s3.secret },
                { key: 'acl', label: 'ACL', kind: 'text', value: c.s3.acl, placeholder: 'none (e.g. public-read)', help: 'Leave empty when the bucket policy makes objects public.' },
                { key: 'pathPrefix', label: 'Path prefix', kind: 'text', value: c.s3.pathPrefix, placeholder: 'none' },
                { key: 'forcePathStyle', label: 'Path-style URLs (most non-AWS providers)', kind: 'toggle', value: c.s3.forcePathStyle },
              ]}
            />
          </Panel>
          <Panel title="Video serving endpoint">
            <ConfigForm
              onSaved={config.reload}
              fields={[{ key: 'videoservingendpoint', label: 'CDN URL', kind: 'text', value: c.videoServingEndpoint, placeholder: 'https://cdn.example.com', help: 'Viewers fetch segments from here instead of the bucket; empty for the bucket itself.' }]}
            />
          </Panel>
        </div>
      )}
    </Loaded>
  );
}
