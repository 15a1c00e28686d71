/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** URL of the Convex deployment (or the local backend). */
  readonly VITE_CONVEX_URL?: string;
  /** Its HTTP actions origin (calendar files); Convex serves them on a separate ".site" URL. */
  readonly VITE_CONVEX_SITE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
