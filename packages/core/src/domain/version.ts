/** The version reported by `/api/status` and `/api/config`. */
export const HEXCAST_VERSION = '0.1.0';
