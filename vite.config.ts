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

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./src", import.meta.url)),
      "@convex": fileURLToPath(new URL("./convex", import.meta.url)),
    },
  },
  plugins: [tailwindcss(), tanstackStart(), viteReact(), lazyServerFnFetcher()],
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
