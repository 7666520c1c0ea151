/**
 * bench/chat's baseline: a bare `ws` WebSocketServer that relays each message to every open
 * client (the sender included, as hexcast's chat does), with the options hexcast's server uses
 * (no per-message deflate, 64 KiB max payload). On connection it sends one
 * `{"type":"CONNECTED_USER_INFO"}`, so the load generator knows a client is in, as with hexcast.
 *
 * `node bench/chat/ws-server.ts <port>`; prints `listening` once it accepts connections.
 */
import { WebSocket, WebSocketServer } from 'ws';

const port = Number(process.argv[2]);
const wss = new WebSocketServer({ host: '127.0.0.1', port, maxPayload: 64 * 1024, perMessageDeflate: false });
wss.on('connection', (socket) => {
  socket.send('{"type":"CONNECTED_USER_INFO"}');
  socket.on('message', (data, isBinary) => {
    for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
  });
});
wss.on('listening', () => console.log('listening'));
process.on('SIGTERM', () => process.exit(0));
