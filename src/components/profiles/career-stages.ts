import { CAREER_STAGE_LABELS, CAREER_STAGES, type CareerStage } from "@convex/lib/vocabulary";

export type { CareerStage };

export const CAREER_STAGE_OPTIONS = CAREER_STAGES.map((value) => ({ value, label: CAREER_STAGE_LABELS[value] }));
