import { httpRouter } from "convex/server";
import { auth } from "./auth";

const http = httpRouter();

// OpenID configuration and JWKS, used to verify the tokens @convex-dev/auth issues.
auth.addHttpRoutes(http);

export default http;
