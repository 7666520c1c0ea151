import { render } from 'preact';
import { LiveVideo } from '../player/live-video.tsx';
import { useServerState } from '../shared/server-state.ts';
import '../shared/theme.css';
import './embed.css';

/** `/embed/video`: only the player (or the offline state), filling the frame; NSFW streams ask first here too. */
function VideoEmbed() {
  const { config, status } = useServerState();
  if (config === undefined) return <div class="player-placeholder" aria-busy="true" />;
  return <LiveVideo config={config} status={status} />;
}

render(<VideoEmbed />, document.getElementById('app')!);
