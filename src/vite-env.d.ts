/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** URL of the Convex deployment (or the local backend). */
  readonly VITE_CONVEX_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
