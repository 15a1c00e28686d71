// A body-size guard for HTTP actions: a body over MAX_HTTP_BODY_BYTES answers 413 before the
// handler reads any of it (by its Content-Length) or as soon as the stream passes the limit.
import type { GenericActionCtx, GenericDataModel } from "convex/server";
import { MAX_HTTP_BODY_BYTES } from "./vocabulary";

type Handler<Ctx> = (ctx: Ctx, request: Request) => Promise<Response>;

function tooLarge(limit: number) {
  return new Response(`Request body too large (at most ${limit} bytes).`, {
    status: 413,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

/** Wraps an HTTP action's handler so that the body it reads is at most `limit` bytes. */
export function withBodyLimit<Ctx extends GenericActionCtx<GenericDataModel>>(
  handler: Handler<Ctx>,
  limit = MAX_HTTP_BODY_BYTES,
): Handler<Ctx> {
  return async (ctx, request) => {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
    if (request.body === null) return await handler(ctx, request);
    const reader = request.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return tooLarge(limit);
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return await handler(ctx, new Request(request.url, { method: request.method, headers: request.headers, body }));
  };
}
