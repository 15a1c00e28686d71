import { httpRouter } from "convex/server";
import { attendanceGet, attendancePost } from "./attendance/http";
import { auth } from "./auth";
import { resendWebhook, unsubscribeGet, unsubscribePost } from "./emails/unsubscribe";
import { eventIcs, orgIcs } from "./events/calendarFeed";

const http = httpRouter();

// OpenID configuration and JWKS, used to verify the tokens @convex-dev/auth issues.
auth.addHttpRoutes(http);

// Calendar files: GET /events/<eventId>.ics and GET /orgs/<slug>/calendar.ics (see calendarFeed.ts).
http.route({ pathPrefix: "/events/", method: "GET", handler: eventIcs });
http.route({ pathPrefix: "/orgs/", method: "GET", handler: orgIcs });

// Notifications: one-click unsubscribe (GET confirms, POST acts) and Resend's
// delivery-status webhook.
http.route({ path: "/unsubscribe", method: "GET", handler: unsubscribeGet });
http.route({ path: "/unsubscribe", method: "POST", handler: unsubscribePost });
http.route({ path: "/resend-webhook", method: "POST", handler: resendWebhook });

// The "did you make it?" email's one-tap answers (GET confirms, POST records; see attendance/http.ts).
http.route({ path: "/attendance", method: "GET", handler: attendanceGet });
http.route({ path: "/attendance", method: "POST", handler: attendancePost });

export default http;
