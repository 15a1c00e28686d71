// Tokens are issued by @convex-dev/auth on this deployment's own site URL.
export default {
  providers: [
    {
      // Built into every deployment; auth.config.ts is read at push time, before typed env exists.
      // eslint-disable-next-line @convex-dev/no-process-env
      domain: process.env.CONVEX_SITE_URL,
      applicationID: "convex",
    },
  ],
};
