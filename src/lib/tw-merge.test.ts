import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { twMerge as fullTwMerge } from "tailwind-merge";
import { describe, expect, test } from "vitest";

import { twMerge } from "./tw-merge";

/** Every whitespace-separated word in every string literal under src/ (class lists among them). */
function classesWrittenInSrc(): string[] {
  const root = join(import.meta.dirname, "..");
  const words = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !/\.gen\.ts$|\.test\.tsx?$|^tw-merge\.ts$/.test(name)) {
        const source = readFileSync(path, "utf8");
        for (const m of source.matchAll(/"([^"\n]*)"|'([^'\n]*)'|`([^`]*)`/g)) {
          for (const word of (m[1] ?? m[2] ?? m[3] ?? "").split(/\s+/)) {
            if (word && !word.includes("${")) words.add(word);
          }
        }
      }
    }
  };
  walk(root);
  return [...words].sort();
}

// Utilities this app doesn't write yet but plausibly will: they must merge the same way too.
const LIKELY = `mx-2 my-4 -ml-1 ms-2 me-auto ps-3 pe-1 w-screen h-dvh min-h-screen max-w-prose size-full border-x
border-y-2 border-l-4 border-s border-e-2 border-red-500 border-t-primary rounded-b-lg rounded-tl-md rounded-s-md
rounded-none text-right text-justify text-wrap text-nowrap font-light font-sans font-[550] leading-6 leading-tight
tracking-tighter bg-red-500/20 bg-none bg-cover bg-fixed bg-no-repeat ring-offset-2 ring-1 ring-0 shadow-md shadow-none
shadow-black/10 outline-2 outline-offset-2 outline-dashed outline-ring z-10 z-auto order-first order-last inset-y-0
inset-x-4 bottom-0 start-0 end-2 grid-rows-3 grid-cols-none col-span-full col-auto row-span-3 row-end-2 gap-x-6
space-x-4 space-x-reverse space-y-reverse divide-x divide-y-2 opacity-0 duration-300 ease-in-out ease-linear delay-150
scale-95 rotate-45 translate-x-full -translate-x-1/2 overflow-y-hidden overflow-x-scroll overflow-visible whitespace-normal
break-normal cursor-default cursor-[grab] select-text select-auto line-clamp-3 line-clamp-none text-ellipsis text-clip
normal-case capitalize not-italic no-underline overline decoration-dotted decoration-primary decoration-auto
underline-offset-2 flex-none flex-auto flex-row-reverse flex-nowrap grow grow-0 shrink basis-1/2 self-end self-auto
items-baseline items-stretch justify-around justify-evenly justify-items-end justify-self-auto content-center
content-none float-right float-none inline-block table invisible visible isolate static fixed animate-pulse
animate-ping animate-none transition-all transition-none transition-shadow pointer-events-auto appearance-auto
resize-none resize object-contain accent-primary caret-primary scroll-mt-4 scroll-m-2 backdrop-blur-sm blur-sm
blur-none text-5xl text-[1.25rem] text-[color:var(--x)] text-(--brand) bg-[url(/x.png)] w-[calc(100%-1rem)]
h-(--height) p-[5px] -top-2 -z-10 tabular-nums proportional-nums field-sizing-fixed`.split(/\s+/);

describe("cn()'s compact tailwind-merge gives what the full tailwind-merge gives", () => {
  const written = [...new Set([...classesWrittenInSrc(), ...LIKELY])];
  // A class either merger knows; the others are kept as they are by both and never conflict.
  const known = written.filter((c) => fullTwMerge(`${c} ${c}`) === c || twMerge(`${c} ${c}`) === c);

  test("the classes written in src/ are found (sanity)", () => {
    expect(known).toContain("px-4");
    expect(known).toContain("hover:bg-accent");
    expect(known.length).toBeGreaterThan(300);
  });

  test("each class on its own and doubled", () => {
    for (const c of written) {
      expect(twMerge(c), c).toBe(fullTwMerge(c));
      expect(twMerge(`${c} ${c}`), c).toBe(fullTwMerge(`${c} ${c}`));
    }
  });

  test("every ordered pair of classes written in src/", () => {
    const mismatches: string[] = [];
    for (const a of known) {
      for (const b of known) {
        const list = `${a} ${b}`;
        if (twMerge(list) !== fullTwMerge(list)) mismatches.push(`"${list}": ${twMerge(list)} ≠ ${fullTwMerge(list)}`);
      }
    }
    // One line per class that merges differently, with the first pair that shows it.
    const byClass = new Map<string, string>();
    for (const m of mismatches) {
      const key = m.slice(1, m.indexOf('"', 1)).split(" ")[1]!;
      if (!byClass.has(key)) byClass.set(key, m);
    }
    expect([...byClass.values()]).toEqual([]);
  }, 120_000); // ~300² merges: seconds alone, far more on a loaded machine

  test("overrides the app relies on", () => {
    const cases = [
      "inline-flex h-9 gap-2 px-4 py-2 has-[>svg]:px-3 h-8 gap-1.5 px-3 has-[>svg]:px-2.5 w-full",
      "text-sm text-muted-foreground text-xs text-destructive",
      "border bg-background shadow-xs hover:bg-accent border-destructive bg-transparent",
      "p-4 px-2 py-1 p-6",
      "size-9 h-8 w-auto size-4",
      "rounded-md rounded-t-none rounded-lg",
      "text-sm/6 leading-tight text-lg",
      "!p-2 p-4 md:p-1 md:hover:p-3 hover:md:p-5",
      "bg-primary/90 bg-primary/[0.06] focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-2",
      "grid-cols-[minmax(0,1fr)_22rem] grid-cols-2 -mt-1 mt-2 top-1/2 -translate-y-1/2 translate-y-0",
      "[mask-type:luminance] [mask-type:alpha] custom-class another",
    ];
    for (const list of cases) expect(twMerge(list), list).toBe(fullTwMerge(list));
  });
});
