import type { FunctionReturnType } from "convex/server";

import type { api } from "@convex/_generated/api";

export type DirectoryRow = FunctionReturnType<typeof api.crm.directory.listDirectory>["page"][number];
