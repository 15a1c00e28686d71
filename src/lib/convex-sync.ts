// The parts of the Convex client loaded after the first JavaScript: the sync client
// (deferred-convex-client.ts) and the HTTP client Convex Auth signs in with (vite.config.ts).
export { BaseConvexClient, ConvexHttpClient } from "convex/browser";
