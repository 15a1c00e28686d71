import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import { tanstackStart } from "@tanstack/react-start/plugin/vite";
import viteReact from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Start's client entry always registers the adapter that turns a server function sent in SSR data
 * back into a callable RPC, and with it statically imports the RPC fetcher and seroval's
 * (de)serializer (~7 KB gzip on every page). This app defines no server functions, so in the
 * browser build the fetcher is imported when an RPC is first called instead: same behaviour
 * (the call was already async), nothing loaded until then. Fails the build if Start's file changes
 * shape, rather than silently shipping the old bundle.
 */
function lazyServerFnFetcher(): Plugin {
  const file = "/@tanstack/start-client-core/dist/esm/client-rpc/createClientRpc.js";
  const staticImport = 'import { serverFnFetcher } from "./serverFnFetcher.js";\n';
  const call = "return serverFnFetcher(url, args, startFetch ?? fetch);";
  return {
    name: "astn:lazy-server-fn-fetcher",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    transform(code, id) {
      if (!id.replaceAll("\\", "/").endsWith(file)) return null;
      if (!code.includes(staticImport) || !code.includes(call)) {
        this.error(`${file} no longer has the shape lazyServerFnFetcher expects: update vite.config.ts`);
      }
      return code
        .replace(staticImport, "")
        .replace(
          call,
          'return import("./serverFnFetcher.js").then((m) => m.serverFnFetcher(url, args, startFetch ?? fetch));',
        );
    },
  };
}

/**
 * @convex-dev/react-query's ConvexQueryClient imports ConvexHttpClient for the queries it runs
 * during SSR (`if (isServer)`), so every browser also downloaded the HTTP client (~1.2 KB gzip)
 * that it never constructs. In the browser build that branch goes: `isServer` is false there
 * (`typeof window === "undefined"`), so nothing changes but the bytes. Fails the build if the
 * file changes shape.
 */
function browserConvexQueryClient(): Plugin {
  const file = "/@convex-dev/react-query/dist/esm/index.js";
  const staticImport = 'import { ConvexHttpClient } from "convex/browser";\n';
  const construct =
    /if \(isServer\) \{\s*this\.serverHttpClient = new ConvexHttpClient\(this\.convexClient\.url\);\s*\}/;
  return {
    name: "astn:browser-convex-query-client",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    transform(code, id) {
      if (!id.replaceAll("\\", "/").endsWith(file)) return null;
      if (!code.includes(staticImport) || !construct.test(code) || code.split("ConvexHttpClient").length !== 3) {
        this.error(`${file} no longer has the shape browserConvexQueryClient expects: update vite.config.ts`);
      }
      return code.replace(staticImport, "").replace(construct, "");
    },
  };
}

/**
 * ConvexReactClient builds its sync client with `options.baseClient ?? new BaseConvexClient(…)`,
 * which puts the whole sync client in the first JavaScript. The browser always passes a
 * baseClient (src/lib/deferred-convex-client.ts, which loads the real one right after), so in the
 * browser build the fallback throws instead of importing it. Fails the build if the file changes
 * shape.
 */
function deferredConvexSyncClient(): Plugin {
  const file = "/convex/dist/esm/react/client.js";
  const staticImport = 'import { BaseConvexClient } from "../browser/index.js";\n';
  const fallback = "this.options.baseClient ?? new BaseConvexClient(";
  return {
    name: "astn:deferred-convex-sync-client",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    transform(code, id) {
      if (!id.replaceAll("\\", "/").endsWith(file)) return null;
      if (!code.includes(staticImport) || !code.includes(fallback) || code.split("BaseConvexClient(").length !== 2) {
        this.error(`${file} no longer has the shape deferredConvexSyncClient expects: update vite.config.ts`);
      }
      return code
        .replace(staticImport, "")
        .replace(
          fallback,
          'this.options.baseClient ?? new (class { constructor() { throw new Error("ConvexReactClient needs options.baseClient in the browser build (src/router.tsx)"); } })(',
        );
    },
  };
}

/**
 * Convex Auth makes a ConvexHttpClient for its calls without a session (sign-in, token refresh),
 * which happen after the page is up: in the browser build it is imported then, from the chunk
 * that carries the sync client. Fails the build if the file changes shape.
 */
function lazyAuthHttpClient(): Plugin {
  const file = "/@convex-dev/auth/dist/react/index.js";
  const staticImport = 'import { ConvexHttpClient } from "convex/browser";\n';
  const call =
    /return new ConvexHttpClient\(client\.address, \{\s*logger: client\.logger,\s*\}\)\.action\(action, args\);/;
  const syncModule = JSON.stringify(fileURLToPath(new URL("./src/lib/convex-sync.ts", import.meta.url)));
  return {
    name: "astn:lazy-auth-http-client",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    transform(code, id) {
      if (!id.replaceAll("\\", "/").endsWith(file)) return null;
      if (!code.includes(staticImport) || !call.test(code) || code.split("ConvexHttpClient(").length !== 2) {
        this.error(`${file} no longer has the shape lazyAuthHttpClient expects: update vite.config.ts`);
      }
      return code
        .replace(staticImport, "")
        .replace(
          call,
          `return import(${syncModule}).then(({ ConvexHttpClient }) => new ConvexHttpClient(client.address, { logger: client.logger }).action(action, args));`,
        );
    },
  };
}

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./src", import.meta.url)),
      "@convex": fileURLToPath(new URL("./convex", import.meta.url)),
    },
  },
  plugins: [
    tailwindcss(),
    tanstackStart(),
    viteReact(),
    lazyServerFnFetcher(),
    browserConvexQueryClient(),
    deferredConvexSyncClient(),
    lazyAuthHttpClient(),
  ],
  environments: {
    // Everything the first page load needs (React, the router, the Convex and query clients, the
    // root route and header) goes into one chunk: every page loads all of it anyway, and one file
    // compresses better than six and drops their import/export glue (~5 KB gzip). Route code
    // stays split out per route.
    client: {
      build: {
        // The app shell (the entry chunk, "index-…") imports every route's chunk lazily. Vite
        // would list each route chunk's dependencies there so they load in parallel with it: ~1.4
        // KB gzip of file names on every first load. The router already preloads a route's chunk
        // on intent (hover, focus) and the server's HTML lists the current route's modules, so
        // the shell lists none; lazy parts inside pages keep their lists.
        modulePreload: {
          resolveDependencies: (_filename, deps, { hostId }) => (/^(.*\/)?index-[\w-]+\.js$/.test(hostId) ? [] : deps),
        },
        rolldownOptions: {
          output: {
            codeSplitting: { groups: [{ name: "app", tags: ["$initial"] }] },
          },
        },
      },
    },
  },
});
