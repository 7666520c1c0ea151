import { useEffect, useState } from 'preact/hooks';
import { api, type Status, type Variant, type WebConfig } from '../shared/api.ts';
import { NsfwNotice } from './nsfw-notice.tsx';
import { OfflineState } from './offline-state.tsx';
import { Player } from './player.tsx';

/**
 * The player while the stream is online (behind the NSFW notice when the admin marked the stream
 * so), the offline state otherwise; the variant list is
 * refetched whenever the stream (re)starts, since the admin may have changed the ladder.
 */
export function LiveVideo({ config, status }: { config: WebConfig; status: Status | undefined }) {
  const online = status?.online === true;
  const [variants, setVariants] = useState<Variant[]>([]);
  useEffect(() => {
    if (online) api.variants().then(setVariants, () => setVariants([]));
  }, [online, status?.lastConnectTime]);

  if (status === undefined) return <div class="player-placeholder" aria-busy="true" />;
  if (!online) return <OfflineState config={config} status={status} />;
  return (
    <NsfwNotice nsfw={config.nsfw}>
      <Player key={status.lastConnectTime ?? 'live'} variants={variants} autoplay={config.autoplay} poster="/thumbnail.jpg" />
    </NsfwNotice>
  );
}
