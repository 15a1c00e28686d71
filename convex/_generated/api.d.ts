/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";
import type * as attendance_csv from "../attendance/csv.js";
import type * as attendance_emailAnswer from "../attendance/emailAnswer.js";
import type * as attendance_export from "../attendance/export.js";
import type * as attendance_http from "../attendance/http.js";
import type * as attendance_model from "../attendance/model.js";
import type * as attendance_mutations from "../attendance/mutations.js";
import type * as attendance_prompts from "../attendance/prompts.js";
import type * as attendance_queries from "../attendance/queries.js";
import type * as auth from "../auth.js";
import type * as crm_directory from "../crm/directory.js";
import type * as crm_directoryBackfill from "../crm/directoryBackfill.js";
import type * as crm_directoryHooks from "../crm/directoryHooks.js";
import type * as crm_directoryPlan from "../crm/directoryPlan.js";
import type * as crm_directoryProgram from "../crm/directoryProgram.js";
import type * as crm_directorySync from "../crm/directorySync.js";
import type * as crm_export from "../crm/export.js";
import type * as crm_notes from "../crm/notes.js";
import type * as crm_programs from "../crm/programs.js";
import type * as crm_record from "../crm/record.js";
import type * as crm_recordTimeline from "../crm/recordTimeline.js";
import type * as crm_stats from "../crm/stats.js";
import type * as crm_statsBackfill from "../crm/statsBackfill.js";
import type * as crm_statsCounters from "../crm/statsCounters.js";
import type * as crm_statsPrograms from "../crm/statsPrograms.js";
import type * as crm_tags from "../crm/tags.js";
import type * as crons from "../crons.js";
import type * as emails_accountTemplates from "../emails/accountTemplates.js";
import type * as emails_devAccount from "../emails/devAccount.js";
import type * as emails_events from "../emails/events.js";
import type * as emails_queries from "../emails/queries.js";
import type * as emails_send from "../emails/send.js";
import type * as emails_templates from "../emails/templates.js";
import type * as emails_tokens from "../emails/tokens.js";
import type * as emails_unsubscribe from "../emails/unsubscribe.js";
import type * as emails_unsubscribePage from "../emails/unsubscribePage.js";
import type * as engagement_batch from "../engagement/batch.js";
import type * as engagement_chunks from "../engagement/chunks.js";
import type * as engagement_direct from "../engagement/direct.js";
import type * as engagement_eventCounter from "../engagement/eventCounter.js";
import type * as engagement_fakeAnthropic from "../engagement/fakeAnthropic.js";
import type * as engagement_hooks from "../engagement/hooks.js";
import type * as engagement_llm from "../engagement/llm.js";
import type * as engagement_model from "../engagement/model.js";
import type * as engagement_mutations from "../engagement/mutations.js";
import type * as engagement_queries from "../engagement/queries.js";
import type * as engagement_rules from "../engagement/rules.js";
import type * as engagement_runs from "../engagement/runs.js";
import type * as engagement_signals from "../engagement/signals.js";
import type * as engagement_store from "../engagement/store.js";
import type * as events_calendar from "../events/calendar.js";
import type * as events_calendarFeed from "../events/calendarFeed.js";
import type * as events_calendarLinks from "../events/calendarLinks.js";
import type * as events_calendarTokens from "../events/calendarTokens.js";
import type * as events_guests from "../events/guests.js";
import type * as events_model from "../events/model.js";
import type * as events_mutations from "../events/mutations.js";
import type * as events_publish from "../events/publish.js";
import type * as events_queries from "../events/queries.js";
import type * as events_validation from "../events/validation.js";
import type * as events_write from "../events/write.js";
import type * as http from "../http.js";
import type * as images_functions from "../images/functions.js";
import type * as images_model from "../images/model.js";
import type * as images_sweep from "../images/sweep.js";
import type * as lib_access from "../lib/access.js";
import type * as lib_env from "../lib/env.js";
import type * as lib_errorCodes from "../lib/errorCodes.js";
import type * as lib_errors from "../lib/errors.js";
import type * as lib_eventLabels from "../lib/eventLabels.js";
import type * as lib_functions from "../lib/functions.js";
import type * as lib_httpBody from "../lib/httpBody.js";
import type * as lib_rateLimits from "../lib/rateLimits.js";
import type * as lib_slugRule from "../lib/slugRule.js";
import type * as lib_timeFormat from "../lib/timeFormat.js";
import type * as lib_timezoneAliases from "../lib/timezoneAliases.js";
import type * as lib_timezoneNames from "../lib/timezoneNames.js";
import type * as lib_tokens from "../lib/tokens.js";
import type * as lib_validation from "../lib/validation.js";
import type * as lib_vocabulary from "../lib/vocabulary.js";
import type * as notifications_deliver from "../notifications/deliver.js";
import type * as notifications_digest from "../notifications/digest.js";
import type * as notifications_fanout from "../notifications/fanout.js";
import type * as notifications_hooks from "../notifications/hooks.js";
import type * as notifications_mutations from "../notifications/mutations.js";
import type * as notifications_preferences from "../notifications/preferences.js";
import type * as notifications_queries from "../notifications/queries.js";
import type * as notifications_reminders from "../notifications/reminders.js";
import type * as notifications_testing from "../notifications/testing.js";
import type * as orgs_backfill from "../orgs/backfill.js";
import type * as orgs_invites from "../orgs/invites.js";
import type * as orgs_joining from "../orgs/joining.js";
import type * as orgs_model from "../orgs/model.js";
import type * as orgs_mutations from "../orgs/mutations.js";
import type * as orgs_queries from "../orgs/queries.js";
import type * as profiles_model from "../profiles/model.js";
import type * as profiles_mutations from "../profiles/mutations.js";
import type * as profiles_queries from "../profiles/queries.js";
import type * as programs_candidates from "../programs/candidates.js";
import type * as programs_enrollment from "../programs/enrollment.js";
import type * as programs_hooks from "../programs/hooks.js";
import type * as programs_jobs from "../programs/jobs.js";
import type * as programs_model from "../programs/model.js";
import type * as programs_mutations from "../programs/mutations.js";
import type * as programs_queries from "../programs/queries.js";
import type * as programs_recurrence from "../programs/recurrence.js";
import type * as programs_sessions from "../programs/sessions.js";
import type * as programs_validation from "../programs/validation.js";
import type * as seed_crmRecord from "../seed/crmRecord.js";
import type * as seed_data from "../seed/data.js";
import type * as seed_demo from "../seed/demo.js";
import type * as seed_engagement from "../seed/engagement.js";
import type * as seed_events from "../seed/events.js";
import type * as seed_programs from "../seed/programs.js";
import type * as seed_storeAdmin from "../seed/storeAdmin.js";
import type * as seed_tags from "../seed/tags.js";
import type * as users_account from "../users/account.js";
import type * as users_deletion from "../users/deletion.js";
import type * as users_mutations from "../users/mutations.js";
import type * as users_queries from "../users/queries.js";

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
declare const fullApi: ApiFromModules<{
  "attendance/csv": typeof attendance_csv;
  "attendance/emailAnswer": typeof attendance_emailAnswer;
  "attendance/export": typeof attendance_export;
  "attendance/http": typeof attendance_http;
  "attendance/model": typeof attendance_model;
  "attendance/mutations": typeof attendance_mutations;
  "attendance/prompts": typeof attendance_prompts;
  "attendance/queries": typeof attendance_queries;
  auth: typeof auth;
  "crm/directory": typeof crm_directory;
  "crm/directoryBackfill": typeof crm_directoryBackfill;
  "crm/directoryHooks": typeof crm_directoryHooks;
  "crm/directoryPlan": typeof crm_directoryPlan;
  "crm/directoryProgram": typeof crm_directoryProgram;
  "crm/directorySync": typeof crm_directorySync;
  "crm/export": typeof crm_export;
  "crm/notes": typeof crm_notes;
  "crm/programs": typeof crm_programs;
  "crm/record": typeof crm_record;
  "crm/recordTimeline": typeof crm_recordTimeline;
  "crm/stats": typeof crm_stats;
  "crm/statsBackfill": typeof crm_statsBackfill;
  "crm/statsCounters": typeof crm_statsCounters;
  "crm/statsPrograms": typeof crm_statsPrograms;
  "crm/tags": typeof crm_tags;
  crons: typeof crons;
  "emails/accountTemplates": typeof emails_accountTemplates;
  "emails/devAccount": typeof emails_devAccount;
  "emails/events": typeof emails_events;
  "emails/queries": typeof emails_queries;
  "emails/send": typeof emails_send;
  "emails/templates": typeof emails_templates;
  "emails/tokens": typeof emails_tokens;
  "emails/unsubscribe": typeof emails_unsubscribe;
  "emails/unsubscribePage": typeof emails_unsubscribePage;
  "engagement/batch": typeof engagement_batch;
  "engagement/chunks": typeof engagement_chunks;
  "engagement/direct": typeof engagement_direct;
  "engagement/eventCounter": typeof engagement_eventCounter;
  "engagement/fakeAnthropic": typeof engagement_fakeAnthropic;
  "engagement/hooks": typeof engagement_hooks;
  "engagement/llm": typeof engagement_llm;
  "engagement/model": typeof engagement_model;
  "engagement/mutations": typeof engagement_mutations;
  "engagement/queries": typeof engagement_queries;
  "engagement/rules": typeof engagement_rules;
  "engagement/runs": typeof engagement_runs;
  "engagement/signals": typeof engagement_signals;
  "engagement/store": typeof engagement_store;
  "events/calendar": typeof events_calendar;
  "events/calendarFeed": typeof events_calendarFeed;
  "events/calendarLinks": typeof events_calendarLinks;
  "events/calendarTokens": typeof events_calendarTokens;
  "events/guests": typeof events_guests;
  "events/model": typeof events_model;
  "events/mutations": typeof events_mutations;
  "events/publish": typeof events_publish;
  "events/queries": typeof events_queries;
  "events/validation": typeof events_validation;
  "events/write": typeof events_write;
  http: typeof http;
  "images/functions": typeof images_functions;
  "images/model": typeof images_model;
  "images/sweep": typeof images_sweep;
  "lib/access": typeof lib_access;
  "lib/env": typeof lib_env;
  "lib/errorCodes": typeof lib_errorCodes;
  "lib/errors": typeof lib_errors;
  "lib/eventLabels": typeof lib_eventLabels;
  "lib/functions": typeof lib_functions;
  "lib/httpBody": typeof lib_httpBody;
  "lib/rateLimits": typeof lib_rateLimits;
  "lib/slugRule": typeof lib_slugRule;
  "lib/timeFormat": typeof lib_timeFormat;
  "lib/timezoneAliases": typeof lib_timezoneAliases;
  "lib/timezoneNames": typeof lib_timezoneNames;
  "lib/tokens": typeof lib_tokens;
  "lib/validation": typeof lib_validation;
  "lib/vocabulary": typeof lib_vocabulary;
  "notifications/deliver": typeof notifications_deliver;
  "notifications/digest": typeof notifications_digest;
  "notifications/fanout": typeof notifications_fanout;
  "notifications/hooks": typeof notifications_hooks;
  "notifications/mutations": typeof notifications_mutations;
  "notifications/preferences": typeof notifications_preferences;
  "notifications/queries": typeof notifications_queries;
  "notifications/reminders": typeof notifications_reminders;
  "notifications/testing": typeof notifications_testing;
  "orgs/backfill": typeof orgs_backfill;
  "orgs/invites": typeof orgs_invites;
  "orgs/joining": typeof orgs_joining;
  "orgs/model": typeof orgs_model;
  "orgs/mutations": typeof orgs_mutations;
  "orgs/queries": typeof orgs_queries;
  "profiles/model": typeof profiles_model;
  "profiles/mutations": typeof profiles_mutations;
  "profiles/queries": typeof profiles_queries;
  "programs/candidates": typeof programs_candidates;
  "programs/enrollment": typeof programs_enrollment;
  "programs/hooks": typeof programs_hooks;
  "programs/jobs": typeof programs_jobs;
  "programs/model": typeof programs_model;
  "programs/mutations": typeof programs_mutations;
  "programs/queries": typeof programs_queries;
  "programs/recurrence": typeof programs_recurrence;
  "programs/sessions": typeof programs_sessions;
  "programs/validation": typeof programs_validation;
  "seed/crmRecord": typeof seed_crmRecord;
  "seed/data": typeof seed_data;
  "seed/demo": typeof seed_demo;
  "seed/engagement": typeof seed_engagement;
  "seed/events": typeof seed_events;
  "seed/programs": typeof seed_programs;
  "seed/storeAdmin": typeof seed_storeAdmin;
  "seed/tags": typeof seed_tags;
  "users/account": typeof users_account;
  "users/deletion": typeof users_deletion;
  "users/mutations": typeof users_mutations;
  "users/queries": typeof users_queries;
}>;
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;

export declare const components: {
  resend: import("@convex-dev/resend/_generated/component.js").ComponentApi<"resend">;
  rateLimiter: import("@convex-dev/rate-limiter/_generated/component.js").ComponentApi<"rateLimiter">;
  engagementWorkpool: import("@convex-dev/workpool/_generated/component.js").ComponentApi<"engagementWorkpool">;
};
