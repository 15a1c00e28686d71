export const CAREER_STAGES = [
  { value: "student", label: "Student" },
  { value: "early_career", label: "Early career" },
  { value: "mid_career", label: "Mid career" },
  { value: "senior", label: "Senior" },
  { value: "career_transition", label: "Changing careers" },
  { value: "other", label: "Other" },
] as const;

export type CareerStage = (typeof CAREER_STAGES)[number]["value"];

export function careerStageLabel(value: string): string {
  return CAREER_STAGES.find((s) => s.value === value)?.label ?? value;
}
