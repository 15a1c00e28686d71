import { createFileRoute, Outlet } from "@tanstack/react-router";

import { orgQuery } from "~/components/orgs/queries";
import { OrgLayout } from "~/components/orgs/org-layout";

export const Route = createFileRoute("/org/$slug")({
  loader: async ({ context, params }) => {
    try {
      const org = await context.queryClient.ensureQueryData(orgQuery(params.slug));
      return { name: org.name, description: org.description };
    } catch {
      // NOT_FOUND (or private while signed out): the page shows its own state.
      return null;
    }
  },
  head: ({ loaderData }) => ({
    meta: [
      { title: loaderData ? `${loaderData.name} · ASTN Orgs` : "Organization · ASTN Orgs" },
      ...(loaderData?.description ? [{ name: "description", content: loaderData.description.slice(0, 160) }] : []),
    ],
  }),
  component: function OrgRoute() {
    return (
      <OrgLayout slug={Route.useParams().slug}>
        <Outlet />
      </OrgLayout>
    );
  },
});
