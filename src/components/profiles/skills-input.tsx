import { X } from "lucide-react";
import { useState, type KeyboardEvent } from "react";

import type { ControlProps } from "~/components/forms/field";
import { cn } from "~/lib/utils";
import { LIMITS } from "@convex/lib/vocabulary";

const SKILL_LIMITS = { max: LIMITS.skills, length: LIMITS.skill } as const;

/** Adds a tag unless it is blank or already there (case-insensitively). */
export function addSkill(skills: string[], raw: string): string[] {
  const tag = raw.trim().replace(/\s+/g, " ").slice(0, SKILL_LIMITS.length);
  if (tag === "" || skills.some((s) => s.toLowerCase() === tag.toLowerCase())) return skills;
  return [...skills, tag];
}

/**
 * A tag input: type a skill and press Enter or comma to add it; each tag has a remove button.
 * `pending` is the text not yet turned into a tag (the form adds it on save).
 */
export function SkillsInput({
  control,
  value,
  onChange,
  pending,
  onPendingChange,
}: {
  control: ControlProps;
  value: string[];
  onChange: (skills: string[]) => void;
  pending: string;
  onPendingChange: (text: string) => void;
}) {
  const [focused, setFocused] = useState(false);

  function commit(text: string) {
    const parts = text.split(",");
    let next = value;
    for (const part of parts) next = addSkill(next, part);
    if (next !== value) onChange(next);
    onPendingChange("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      commit(pending);
    } else if (event.key === "Backspace" && pending === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div
      className={cn(
        "border-input dark:bg-input/30 flex min-h-10 w-full flex-wrap items-center gap-1.5 rounded-md border bg-transparent px-2 py-1.5 shadow-xs transition-[color,box-shadow]",
        focused && "border-ring ring-ring/50 ring-[3px]",
        control["aria-invalid"] && "border-destructive",
      )}
    >
      {value.length > 0 ? (
        <ul className="contents" aria-label="Tags you have added">
          {value.map((skill) => (
            <li
              key={skill}
              className="bg-secondary text-secondary-foreground inline-flex items-center gap-1 rounded-md py-0.5 pr-1 pl-2 text-sm"
            >
              {skill}
              <button
                type="button"
                onClick={() => onChange(value.filter((s) => s !== skill))}
                className="hover:bg-background/60 rounded-sm p-0.5 outline-none focus-visible:ring-2 focus-visible:ring-ring"
                aria-label={`Remove ${skill}`}
              >
                <X className="size-3.5" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        {...control}
        name="skills"
        value={pending}
        onChange={(e) => {
          const text = e.target.value;
          if (text.includes(",")) commit(text);
          else onPendingChange(text);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          if (pending.trim() !== "") commit(pending);
        }}
        placeholder={value.length === 0 ? "e.g. Python, policy, facilitation" : "Add another…"}
        maxLength={SKILL_LIMITS.length * 3}
        disabled={value.length >= SKILL_LIMITS.max}
        className="placeholder:text-muted-foreground h-7 min-w-32 flex-1 bg-transparent px-1 text-base outline-none md:text-sm"
      />
    </div>
  );
}
