import { useEffect, useState } from 'preact/hooks';
import { api, type Status, type Variant, type WebConfig } from '../shared/api.ts';
import { OfflineState } from './offline-state.tsx';
import { Player } from './player.tsx';

/**
 * The player while the stream is online, the offline state otherwise; the variant list is
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
  return <Player key={status.lastConnectTime ?? 'live'} variants={variants} autoplay={config.autoplay} poster="/thumbnail.jpg" />;
}
