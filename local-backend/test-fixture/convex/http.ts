import { httpRouter } from "convex/server";
import { httpAction } from "./_generated/server";

const http = httpRouter();
http.route({
  path: "/echo",
  method: "POST",
  handler: httpAction(async (_ctx, request) => new Response(`echo:${await request.text()}`, { status: 200 })),
});
export default http;
