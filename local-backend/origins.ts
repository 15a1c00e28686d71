// Which browsers' pages may talk to the local backend. It listens on localhost, but any web
// page the developer visits could otherwise call it (the API answers any Origin) or reach it
// through a rebound DNS name. Requests are accepted when
//   - their Host is localhost / 127.0.0.1 / [::1] (or the listening host) on one of our ports,
//     or the host of an allowed origin, and
//   - they carry no Origin (Node clients, curl, webhooks, calendar apps), or an allowed one:
//     localhost / 127.0.0.1 / [::1] on the app's or the backend's ports, SITE_URL, and the
//     origins given with --allow-origin.
// Everything else gets 403.
import type { IncomingHttpHeaders } from "node:http";

export type OriginOptions = {
  /** The listening host (e.g. 127.0.0.1). */
  host: string;
  /** The API and site ports, and the app's. */
  ports: number[];
  /** SITE_URL and the --allow-origin values (full origins, e.g. https://dev.example.org). */
  origins: (string | undefined)[];
  /**
   * Accept `Origin: null` too. Only for the site (HTTP actions): its pages send no referrer, so
   * their own form posts (unsubscribe) carry `Origin: null`; every action there checks a token.
   */
  allowNullOrigin?: boolean;
};

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** A check for incoming requests: true when the request's Host and Origin are allowed. */
export function originCheck(options: OriginOptions): (headers: IncomingHttpHeaders) => boolean {
  const hostnames = [...new Set([...LOCAL_HOSTS, options.host.includes(":") ? `[${options.host}]` : options.host])];
  const ports = [...new Set(options.ports.filter((p) => Number.isInteger(p) && p > 0))];
  const origins = new Set<string>();
  const hosts = new Set<string>();
  for (const name of hostnames) {
    for (const port of ports) {
      origins.add(`http://${name}:${port}`);
      hosts.add(`${name}:${port}`);
    }
  }
  for (const value of options.origins) {
    const origin = value === undefined ? null : originOf(value);
    if (origin === null) continue;
    origins.add(origin);
    const url = new URL(origin);
    hosts.add(url.host);
    hosts.add(url.hostname); // a proxy in front may drop the port
  }
  return (headers) => {
    const host = headers.host?.toLowerCase();
    if (host !== undefined && !hosts.has(host)) return false;
    const origin = headers.origin;
    if (origin === undefined) return true;
    if (origin === "null") return options.allowNullOrigin === true;
    return origins.has(origin.toLowerCase());
  };
}

/** The port of a URL (its scheme's default when none is written), or null. */
export function portOf(value: string | undefined): number | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value);
    return url.port !== "" ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  } catch {
    return null;
  }
}
