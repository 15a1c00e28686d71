import { defineApp } from "convex/server";
import rateLimiter from "@convex-dev/rate-limiter/convex.config";
import resend from "@convex-dev/resend/convex.config";
import workpool from "@convex-dev/workpool/convex.config";

const app = defineApp();
app.use(resend);
app.use(rateLimiter);
// Engagement scoring's "Recompute now": bounded parallel model calls, retried on 429/5xx.
app.use(workpool, { name: "engagementWorkpool" });

export default app;
