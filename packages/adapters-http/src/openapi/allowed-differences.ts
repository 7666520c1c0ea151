const STORED_WITHOUT_CLIENT =
  "Stored messages do not keep the id of the socket that sent them (it means nothing once the socket closes); live CHAT events over /ws carry clientId. Owncast's own /api/chat documents messages without it (SystemMessage branch).";
const GEO_OBJECT = "Owncast's spec types ModerationConnectedClient.geo as a string, while its ChatClient.geo (same client, other route) is a GeoDetails object or null; hexcast sends that object in both places.";
const FRACTIONAL_BITRATE = 'The encoder announces bitrates in its RTMP metadata as AMF numbers, which may be fractional; hexcast reports them as announced rather than rounding.';
const PREFLIGHT = "Owncast's integration guard answers a preflight on every integration route (owncast-behaviour.md), but its spec lists OPTIONS for most of them only; hexcast documents what both servers do.";
const DEPRECATED_ALIAS = "/chat/user is the deprecated name of /chat/send and runs the same handler; Owncast's spec documents only 400 for it, /chat/send's 200 and 401 apply.";

const PROMETHEUS =
  "Owncast proxies its embedded Prometheus server's HTTP API here (any method, no documented answers); hexcast serves the Prometheus exposition format itself, for scraping, which takes GET only. Owncast enforces admin auth here too (owncast-behaviour.md), its spec just leaves the 401 out.";

/**
 * Where hexcast's document deliberately differs from Owncast's, each with the reason. The
 * comparison (owncast-compat.ts) fails on any difference not listed here, and on any entry here
 * that no longer happens, so this list stays exact.
 */
export const ALLOWED_DIFFERENCES: Readonly<Record<string, string>> = {
  'GET /api/admin/status 200.broadcaster.streamDetails.videoBitrate: hexcast sends number, Owncast documents integer': FRACTIONAL_BITRATE,
  'GET /api/admin/status 200.broadcaster.streamDetails.audioBitrate: hexcast sends number, Owncast documents integer': FRACTIONAL_BITRATE,
  'GET /api/admin/accesstokens 200[]: property accessToken is missing': 'Tokens are stored hashed (ADR 3): the plain token is shown once, at creation; the list shows tokenPrefix instead.',
  'POST /api/integrations/chat/system/client/{clientId}: success statuses differ (Owncast none, hexcast 200)':
    "Owncast's spec documents no success response for this operation; its handler answers like /chat/system, with 200 {success, message}, and so does hexcast.",
  'POST /api/integrations/chat/user: success statuses differ (Owncast none, hexcast 200)': DEPRECATED_ALIAS,
  'POST /api/integrations/chat/user: hexcast answers 401, which Owncast does not document': DEPRECATED_ALIAS,
  'POST /api/integrations/chat/user: authentication differs (401 documented by hexcast only)': DEPRECATED_ALIAS,
  'OPTIONS /api/integrations/status: only hexcast has this method': PREFLIGHT,
  'OPTIONS /api/integrations/moderation/chat/user/{userId}: only hexcast has this method': PREFLIGHT,
  'GET /api/integrations/moderation/chat/user/{userId} 200.connectedClients[].geo: hexcast sends object, Owncast documents string': GEO_OBJECT,
  'GET /api/moderation/chat/user/{userId} 200.connectedClients[].geo: hexcast sends object, Owncast documents string': GEO_OBJECT,
  'GET /api/integrations/moderation/chat/user/{userId} 200.messages[]: property clientId is missing': STORED_WITHOUT_CLIENT,
  'GET /api/moderation/chat/user/{userId} 200.messages[]: property clientId is missing': STORED_WITHOUT_CLIENT,
  'POST /api/admin/prometheus: only Owncast has this method': PROMETHEUS,
  'PUT /api/admin/prometheus: only Owncast has this method': PROMETHEUS,
  'DELETE /api/admin/prometheus: only Owncast has this method': PROMETHEUS,
  'GET /api/admin/prometheus: success statuses differ (Owncast none, hexcast 200)': PROMETHEUS,
  'GET /api/admin/prometheus: hexcast answers 401, which Owncast does not document': PROMETHEUS,
  'GET /api/admin/prometheus: authentication differs (401 documented by hexcast only)': PROMETHEUS,
  'OPTIONS /api/admin/prometheus: success statuses differ (Owncast none, hexcast 204)': "Owncast's spec gives its prometheus OPTIONS no answers; every admin path answers a preflight with 204 in both servers.",
};
