import { createFileRoute } from "@tanstack/react-router";

import { invitePreviewQuery } from "~/components/orgs/queries";
import { JoinPage } from "~/components/orgs/join-page";

export const Route = createFileRoute("/join/$token")({
  loader: async ({ context, params }) => {
    try {
      const preview = await context.queryClient.ensureQueryData(invitePreviewQuery(params.token));
      return { orgName: preview.org?.name ?? null };
    } catch {
      return { orgName: null };
    }
  },
  head: ({ loaderData }) => ({
    meta: [
      { title: loaderData?.orgName ? `Join ${loaderData.orgName} · ASTN Orgs` : "Invite · ASTN Orgs" },
      { name: "robots", content: "noindex" },
    ],
  }),
  component: function JoinRoute() {
    return <JoinPage token={Route.useParams().token} />;
  },
});
