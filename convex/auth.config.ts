// Tokens are issued by @convex-dev/auth on this deployment's own site URL.
export default {
  providers: [
    {
      domain: process.env.CONVEX_SITE_URL,
      applicationID: "convex",
    },
  ],
};
