import { Globe, Lock } from "lucide-react";
import { useId } from "react";

import { cn } from "~/lib/utils";

type Visibility = "public" | "private";
type JoinPolicy = "open" | "request";

const VISIBILITY_OPTIONS = [
  {
    value: "public" as const,
    label: "Public",
    icon: Globe,
    text: "Anyone can find it in search and see its page and published events. People join from its page (at once, or once you approve them: see below) or with an invite link.",
  },
  {
    value: "private" as const,
    label: "Private",
    icon: Lock,
    text: "Hidden from search: its page and events are visible to members only. People join only with an invite link.",
  },
];

const JOIN_OPTIONS = [
  { value: "open" as const, label: "Anyone can join", text: "A Join button makes them a member at once." },
  {
    value: "request" as const,
    label: "Approve each request",
    text: "People ask to join; you approve or decline them on this page.",
  },
];

function Choice<T extends string>({
  name,
  option,
  checked,
  onChange,
}: {
  name: string;
  option: { value: T; label: string; text: string; icon?: typeof Globe };
  checked: boolean;
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <label
      className={cn(
        "hover:bg-accent/40 flex cursor-pointer gap-3 rounded-lg border p-3 transition-colors",
        checked && "border-primary bg-primary/5 ring-primary/20 ring-2",
      )}
    >
      <input
        type="radio"
        name={name}
        value={option.value}
        checked={checked}
        onChange={() => onChange(option.value)}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-text`}
        className="accent-primary mt-0.5 size-4"
      />
      <span className="grid gap-1">
        <span id={`${id}-label`} className="flex items-center gap-1.5 text-sm font-medium">
          {option.icon ? <option.icon className="size-4" aria-hidden="true" /> : null}
          {option.label}
        </span>
        <span id={`${id}-text`} className="text-muted-foreground text-xs">
          {option.text}
        </span>
      </span>
    </label>
  );
}

/** Who can see the org, and (public orgs) how people join it. */
export function VisibilityField({
  value,
  joinPolicy,
  error,
  onChange,
  onJoinPolicyChange,
}: {
  value: Visibility;
  joinPolicy: JoinPolicy;
  error?: string;
  onChange: (value: Visibility) => void;
  onJoinPolicyChange: (value: JoinPolicy) => void;
}) {
  const id = useId();
  return (
    <div className="grid gap-4">
      <fieldset className="grid gap-2" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="mb-2 text-sm font-medium">Visibility</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {VISIBILITY_OPTIONS.map((option) => (
            <Choice
              key={option.value}
              name="visibility"
              option={option}
              checked={value === option.value}
              onChange={onChange}
            />
          ))}
        </div>
      </fieldset>
      {value === "public" ? (
        <fieldset className="grid gap-2">
          <legend className="mb-2 text-sm font-medium">Joining</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {JOIN_OPTIONS.map((option) => (
              <Choice
                key={option.value}
                name="joinPolicy"
                option={option}
                checked={joinPolicy === option.value}
                onChange={onJoinPolicyChange}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
