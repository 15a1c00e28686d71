// What every bench world shares: a signed-in caller for a user id (the local engine trusts the
// identity it is handed), and a profile's defaults for members written straight into the tables.
import type { Identity } from "../../local-backend/engine.ts";

/** `issuer` is the deployment's own where a real session must accept it (a stored world). */
export const identityOf = (userId: string, issuer = "https://bench.local"): Identity => ({
  subject: `${userId}|bench-session`,
  issuer,
  tokenIdentifier: `${issuer}|${userId}|bench-session`,
});

export const BENCH_PROFILE = {
  skills: ["ai safety"],
  timezone: "Europe/Berlin",
  notificationPreferences: {
    matchAlerts: { enabled: false },
    weeklyDigest: { enabled: true },
    timezone: "Europe/Berlin",
    eventReminders: { enabled: true, reminderTimes: [1440, 60] },
    orgAnnouncements: { enabled: true },
  },
  privacy: { headline: true, location: false, skills: true, careerStage: true, email: false },
  shareLocationForSuggestions: false,
  completeness: 40,
};
