// File storage on the local backend: upload through a one-time URL, serve by URL, read in an
// action, and all of it still there after a restart (files live under the state directory).
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterEach, expect, test } from "vitest";
import { startBackend } from "./backend.ts";

const root = join(import.meta.dirname, "test-fixture");
const uploadUrl = makeFunctionReference<"mutation", Record<string, never>, string>("files:uploadUrl");
const fileUrl = makeFunctionReference<"query", { storageId: string }, string | null>("files:url");
const fileText = makeFunctionReference<"action", { storageId: string }, string | null>("files:text");
const remove = makeFunctionReference<"mutation", { storageId: string }>("files:remove");

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const GIF = "GIF89a-a-tiny-picture";

test("an uploaded file is served by URL and survives a restart; a used upload URL and a deleted file are gone", async () => {
  const stateDir = mkdtempSync(join(tmpdir(), "local-backend-files-"));
  dirs.push(stateDir);
  const start = () => startBackend({ root, stateDir, port: 0, sitePort: 0, log: () => {} });

  let backend = await start();
  let client = new ConvexHttpClient(backend.url, { skipConvexDeploymentUrlCheck: true });
  const postUrl = await client.mutation(uploadUrl, {});
  expect(postUrl.startsWith(`${backend.url}/api/storage/upload?token=`)).toBe(true);
  const uploaded = await fetch(postUrl, { method: "POST", headers: { "content-type": "image/gif" }, body: GIF });
  expect(uploaded.status).toBe(200);
  const { storageId } = (await uploaded.json()) as { storageId: string };
  // One use per URL.
  expect((await fetch(postUrl, { method: "POST", body: "again" })).status).toBe(401);
  expect((await fetch(`${backend.url}/api/storage/upload?token=made-up`, { method: "POST", body: "x" })).status).toBe(
    401,
  );
  const served = await fetch((await client.query(fileUrl, { storageId }))!);
  expect(served.headers.get("content-type")).toBe("image/gif");
  expect(await served.text()).toBe(GIF);
  const onDisk = join(stateDir, "files", storageId);
  expect(statSync(onDisk).mode & 0o777).toBe(0o600);
  await backend.close();

  backend = await start();
  client = new ConvexHttpClient(backend.url, { skipConvexDeploymentUrlCheck: true });
  const url = await client.query(fileUrl, { storageId });
  expect(url).toBe(`${backend.url}/api/storage/${storageId}`);
  expect(await (await fetch(url!)).text()).toBe(GIF);
  expect(await client.action(fileText, { storageId })).toBe(GIF);
  // Not an image: offered as a download, never rendered.
  const textUrl = await client.mutation(uploadUrl, {});
  const { storageId: textId } = (await (
    await fetch(textUrl, { method: "POST", body: "<script>1</script>" })
  ).json()) as {
    storageId: string;
  };
  const text = await fetch(`${backend.url}/api/storage/${textId}`);
  expect(text.headers.get("content-type")).toBe("application/octet-stream");
  expect(text.headers.get("content-disposition")).toBe("attachment");

  await client.mutation(remove, { storageId });
  expect(await client.query(fileUrl, { storageId })).toBeNull();
  expect((await fetch(url!)).status).toBe(404);
  await backend.close();

  // The deleted file's bytes are swept at the next start.
  backend = await start();
  expect(readdirSync(join(stateDir, "files")).sort()).toEqual([textId]);
  await backend.close();
});
