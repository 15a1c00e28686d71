/** The Convex deployment the app talks to (the local backend in development). */
export const CONVEX_URL: string = import.meta.env.VITE_CONVEX_URL || "http://127.0.0.1:3210";
