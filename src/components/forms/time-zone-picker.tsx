import { Check, ChevronsUpDown } from "lucide-react";
import * as React from "react";

import { timeZonePickerOptions, type TimeZoneOption } from "~/lib/timezones";
import { cn } from "~/lib/utils";
import type { ControlProps } from "./field";

const MAX_SHOWN = 50;

function matches(options: TimeZoneOption[], query: string): TimeZoneOption[] {
  const words = query.toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return options;
  return options.filter((o) => words.every((w) => o.search.includes(w)));
}

/**
 * A searchable time zone picker (the WAI-ARIA combobox pattern with a listbox popup): type
 * "Berlin" or "Central European" to narrow, arrows move, Enter picks, Escape restores the saved
 * value. A plain input and list: no dependency, nothing heavy.
 */
export function TimeZonePicker({
  value,
  onChange,
  name,
  ...control
}: ControlProps & { value: string; onChange: (zone: string) => void; name?: string }) {
  const options = React.useMemo(() => timeZonePickerOptions(value), [value]);
  const current = options.find((o) => o.zone === value);
  const [open, setOpen] = React.useState(false);
  const [query, setQuery] = React.useState("");
  const [active, setActive] = React.useState(0);
  const listRef = React.useRef<HTMLUListElement>(null);
  const listId = `${control.id}-list`;
  const shown = React.useMemo(() => matches(options, query).slice(0, MAX_SHOWN), [options, query]);
  const display = current ? (current.zone === "UTC" ? "UTC" : current.zone.replace(/_/g, " ")) : value;

  const close = () => {
    setOpen(false);
    setQuery("");
  };
  const pick = (option: TimeZoneOption | undefined) => {
    if (option) onChange(option.zone);
    close();
  };

  React.useEffect(() => {
    if (!open) return;
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active, open]);

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((a) => Math.min(Math.max(a + step, 0), Math.max(shown.length - 1, 0)));
    } else if (event.key === "Enter") {
      if (open) {
        event.preventDefault();
        pick(shown[active]);
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        close();
      }
    }
  }

  return (
    <div className="relative">
      <div className="relative">
        <input
          {...control}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && shown[active] ? `${listId}-${active}` : undefined}
          autoComplete="off"
          spellCheck={false}
          value={open ? query : display}
          placeholder={open ? display : undefined}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onBlur={close}
          onKeyDown={onKeyDown}
          className={cn(
            "border-input placeholder:text-muted-foreground dark:bg-input/30 flex h-10 w-full min-w-0 rounded-md border bg-transparent py-1 pr-9 pl-3 text-base shadow-xs outline-none sm:h-9 md:text-sm",
            "focus-visible:border-ring focus-visible:ring-ring/50 focus-visible:ring-[3px]",
            "aria-invalid:border-destructive aria-invalid:ring-destructive/20",
          )}
        />
        <ChevronsUpDown
          className="text-muted-foreground pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2"
          aria-hidden="true"
        />
        {name ? <input type="hidden" name={name} value={value} /> : null}
      </div>
      {current && !open ? (
        <p className="text-muted-foreground mt-1 text-xs" data-testid="time-zone-detail">
          {current.detail}
        </p>
      ) : null}
      {open ? (
        <ul
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label="Time zones"
          className="bg-popover text-popover-foreground absolute z-50 mt-1 max-h-64 w-full overflow-auto rounded-md border p-1 shadow-md"
        >
          {shown.length === 0 ? (
            <li className="text-muted-foreground px-2 py-1.5 text-sm" role="presentation">
              No time zone matches “{query}”.
            </li>
          ) : (
            shown.map((o, i) => (
              <li
                key={o.zone}
                id={`${listId}-${i}`}
                data-index={i}
                role="option"
                aria-selected={o.zone === value}
                // Keep focus in the input: a click picks before the blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(o);
                }}
                onMouseMove={() => setActive(i)}
                className={cn(
                  "flex cursor-pointer items-start gap-2 rounded px-2 py-1.5 text-sm",
                  i === active && "bg-accent text-accent-foreground",
                )}
              >
                <Check
                  className={cn("mt-0.5 size-4 shrink-0", o.zone === value ? "opacity-100" : "opacity-0")}
                  aria-hidden="true"
                />
                <span className="min-w-0">
                  <span className="block font-medium">{o.label}</span>
                  <span className="text-muted-foreground block text-xs">{o.detail}</span>
                </span>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
