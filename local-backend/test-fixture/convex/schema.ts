import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  messages: defineTable({ body: v.string(), author: v.optional(v.string()) }),
  notes: defineTable({ topic: v.string(), text: v.string() }).index("by_topic", ["topic"]),
});
