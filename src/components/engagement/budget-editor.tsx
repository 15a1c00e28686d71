import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { Field } from "~/components/forms/field";
import { FormAlert, SubmitButton } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Input } from "~/components/ui/input";
import { Progress } from "~/components/ui/progress";
import { Skeleton } from "~/components/ui/skeleton";
import type { Id } from "@convex/_generated/dataModel";
import { budgetQuery, useSetBudgetMutation } from "./data";
import { formatUsd } from "./labels";

const FIELDS = ["monthlyBudgetUsd"] as const;
const MAX_BUDGET = 1000;

/** The org's monthly model budget: this month's spend against it, and the editor. */
export function BudgetEditor({ orgId }: { orgId: Id<"organizations"> }) {
  const { data } = useQuery(budgetQuery(orgId));
  if (!data) return <Skeleton className="h-28" />;
  return <BudgetForm key={data.monthlyBudgetUsd} orgId={orgId} {...data} />;
}

function BudgetForm({
  orgId,
  monthlyBudgetUsd,
  spentThisMonthUsd,
  overBudget,
}: {
  orgId: Id<"organizations">;
  monthlyBudgetUsd: number;
  spentThisMonthUsd: number;
  overBudget: boolean;
}) {
  const [value, setValue] = useState(monthlyBudgetUsd.toFixed(2));
  const setBudget = useSetBudgetMutation();
  const { errors, formError, busy, saved, run, check, clear, setSaved } = useFormSubmit(FIELDS);
  const pct = monthlyBudgetUsd > 0 ? (spentThisMonthUsd / monthlyBudgetUsd) * 100 : 100;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const amount = Number(value);
    const bad = value.trim() === "" || !Number.isFinite(amount) || amount < 0 || amount > MAX_BUDGET;
    if (check({ monthlyBudgetUsd: bad ? `Choose a budget between $0 and $${MAX_BUDGET}.` : undefined }, form)) return;
    await run(form, () => setBudget.mutateAsync({ orgId, monthlyBudgetUsd: amount }));
  }

  return (
    <div className="grid gap-4">
      <div className="grid gap-1.5">
        <div className="flex items-baseline justify-between text-sm">
          <span id="budget-spent-label">Spent this month</span>
          <span className="tabular-nums">
            <span className="font-semibold">{formatUsd(spentThisMonthUsd)}</span>
            <span className="text-muted-foreground"> of {formatUsd(monthlyBudgetUsd)}</span>
          </span>
        </div>
        <Progress value={pct} aria-labelledby="budget-spent-label" />
        {overBudget ? (
          <p className="text-sm text-amber-700 dark:text-amber-400">
            The budget is spent: runs use the rule-based scorer until next month or a higher budget.
          </p>
        ) : null}
      </div>
      <form aria-label="Monthly budget" noValidate onSubmit={onSubmit} className="grid gap-3">
        <FormAlert message={formError} />
        <div className="flex items-end gap-2">
          <Field label="Monthly budget (USD)" error={errors.monthlyBudgetUsd} className="flex-1">
            {(props) => (
              <div className="relative">
                <span className="text-muted-foreground pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-sm">
                  $
                </span>
                <Input
                  {...props}
                  inputMode="decimal"
                  className="pl-6 tabular-nums"
                  value={value}
                  onChange={(e) => {
                    setValue(e.target.value);
                    clear("monthlyBudgetUsd");
                    setSaved(false);
                  }}
                />
              </div>
            )}
          </Field>
          <SubmitButton busy={busy} variant="outline" className={errors.monthlyBudgetUsd ? "mb-7" : undefined}>
            Save
          </SubmitButton>
        </div>
        <p className="text-muted-foreground -mt-1 text-xs">Past it, runs use the rule-based scorer.</p>
        <p role="status" className="text-success -mt-2 min-h-4 text-xs">
          {saved ? "Budget saved." : ""}
        </p>
      </form>
    </div>
  );
}
