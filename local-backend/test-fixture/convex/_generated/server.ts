// The fixture's stand-in for generated code: convex-test finds a module root by its _generated folder.
export {
  queryGeneric as query,
  mutationGeneric as mutation,
  actionGeneric as action,
  internalMutationGeneric as internalMutation,
  internalActionGeneric as internalAction,
  httpActionGeneric as httpAction,
} from "convex/server";
