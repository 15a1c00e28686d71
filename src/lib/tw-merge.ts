// `cn()`'s conflict resolver: tailwind-merge's own merge algorithm (createTailwindMerge: variants,
// `!important`, `/opacity` postfixes, arbitrary values, right-most class wins) over a compact
// class-group table for the utilities this app writes, instead of tailwind-merge's full default
// table (~6 KB of the ~8.5 KB gzip it adds to every page's first JavaScript).
//
// Group names and conflicts follow tailwind-merge's default config. tw-merge.test.ts checks, for
// every class written anywhere in src/ and every pair of them, that this gives exactly what
// tailwind-merge's `twMerge` gives; a new utility family that isn't listed here makes it fail.
import { createTailwindMerge } from "tailwind-merge";

type Validator = (value: string) => boolean;

const any: Validator = () => true;
const isNumber: Validator = (v) => /^\d+(?:\.\d+)?$/.test(v);
const isArbitrary: Validator = (v) => /^\[.+\]$|^\(.+\)$/.test(v);
/** `[3px]`, `[length:var(--x)]`, `[calc(…)]`: a length rather than a color or a name. */
const isArbitraryLength: Validator = (v) =>
  /^\[(?:length:.+|-?[\d.]+(?:px|r?em|%|[sdl]?v[hw]|ch|ex|lh|cq[whib])?|(?:calc|min|max|clamp)\(.+\))\]$|^\(length:.+\)$/.test(
    v,
  );
/** Values (after the prefix) that a group takes: numbers, arbitrary values and these words. */
const values = (words: string, numbers = true): Validator => {
  const list = new Set(words.split(" "));
  return (v) => list.has(v) || (numbers && isNumber(v)) || isArbitrary(v);
};
/** Spacing and sizing: 4, 0.5, 1/2, px, full, auto, screen, fit, xs…7xl, dvh, [3px]. */
const isLength: Validator = (v) =>
  /^(?:\d+(?:\.\d+)?|\d+\/\d+|px|auto|full|screen|min|max|fit|none|prose|[2-7]?x[sl]|sm|md|lg|[sdl]?v[hw]|lh)$/.test(
    v,
  ) || isArbitrary(v);

const SIZES = ["xs", "sm", "base", "md", "lg", "xl", "2xl", "3xl", "4xl", "5xl", "6xl", "7xl", "8xl", "9xl"];
const ALIGN = [
  "start",
  "end",
  "center",
  "between",
  "around",
  "evenly",
  "stretch",
  "baseline",
  "normal",
  "center-safe",
  "end-safe",
];
const SIDES = ["x", "y", "s", "e", "t", "r", "b", "l"];
const CORNERS = ["s", "e", "t", "r", "b", "l", "ss", "se", "ee", "es", "tl", "tr", "br", "bl"];
const RADIUS = ["", "none", "full", ...SIZES, isArbitrary];

/** `{ prefix: [validators] }` groups named like tailwind-merge's: "p", "px", "min-w", … */
const byPrefix = (prefixes: string, validator: Validator = isLength) =>
  Object.fromEntries(prefixes.split(" ").map((prefix) => [prefix, [{ [prefix]: [validator] }]]));

export const twMerge = createTailwindMerge(() => ({
  cacheSize: 500,
  theme: {},
  classGroups: {
    display: [
      "block",
      "inline-block",
      "inline",
      "flex",
      "inline-flex",
      "table",
      "inline-table",
      "table-row",
      "table-cell",
      "flow-root",
      "grid",
      "inline-grid",
      "contents",
      "list-item",
      "hidden",
    ],
    position: ["static", "fixed", "absolute", "relative", "sticky"],
    sr: ["sr-only", "not-sr-only"],
    visibility: ["visible", "invisible", "collapse"],
    isolation: ["isolate", "isolation-auto"],
    "font-style": ["italic", "not-italic"],
    "text-transform": ["uppercase", "lowercase", "capitalize", "normal-case"],
    "text-decoration": ["underline", "overline", "line-through", "no-underline"],
    "text-overflow": ["truncate", "text-ellipsis", "text-clip"],
    "fvn-spacing": ["proportional-nums", "tabular-nums"],
    "container-type": [{ "@container": ["", "normal", "size", isArbitrary] }],
    "container-named": [(v: string) => /^@container(?:-size|-normal)?\/./.test(v)],
    // Groups sharing a first part: literal values first, then the catch-all (checked in this order).
    "font-size": [{ text: [...SIZES, isArbitraryLength] }],
    "text-alignment": [{ text: ["left", "center", "right", "justify", "start", "end"] }],
    "text-wrap": [{ text: ["wrap", "nowrap", "balance", "pretty"] }],
    "text-color": [{ text: [any] }],
    "font-weight": [
      {
        font: [
          "thin",
          "extralight",
          "light",
          "normal",
          "medium",
          "semibold",
          "bold",
          "extrabold",
          "black",
          isNumber,
          (v: string) => isArbitrary(v) && !/^.family-name:/.test(v),
        ],
      },
    ],
    "font-family": [{ font: [any] }],
    "bg-attachment": [{ bg: ["fixed", "local", "scroll"] }],
    "bg-repeat": [{ bg: ["no-repeat", { repeat: ["", "x", "y", "space", "round"] }] }],
    "bg-size": [{ bg: ["auto", "cover", "contain"] }],
    "bg-image": [
      {
        bg: [
          "none",
          { linear: [any], radial: [any], conic: [any] },
          (v: string) => /^\[(?:image:|url\(|(?:repeating-)?(?:linear|radial|conic)-gradient\()/.test(v),
        ],
      },
    ],
    "bg-color": [{ bg: [any] }],
    "border-style": [{ border: ["solid", "dashed", "dotted", "double", "hidden", "none"] }],
    "border-w": [{ border: ["", isNumber, isArbitraryLength] }],
    ...Object.fromEntries(
      SIDES.map((s) => [`border-w-${s}`, [{ [`border-${s}`]: ["", isNumber, isArbitraryLength] }]]),
    ),
    ...Object.fromEntries(SIDES.map((s) => [`border-color-${s}`, [{ [`border-${s}`]: [any] }]])),
    "border-color": [{ border: [any] }],
    "outline-style": [{ outline: ["solid", "dashed", "dotted", "double", "none", "hidden"] }],
    "outline-offset": [{ "outline-offset": [any] }],
    "outline-w": [{ outline: ["", isNumber, isArbitraryLength] }],
    "outline-color": [{ outline: [any] }],
    "ring-w": [{ ring: ["", isNumber, isArbitraryLength] }],
    "ring-w-inset": ["ring-inset"],
    "ring-offset-w": [{ "ring-offset": [isNumber, isArbitraryLength] }],
    "ring-offset-color": [{ "ring-offset": [any] }],
    "ring-color": [{ ring: [any] }],
    shadow: [{ shadow: ["", "none", "2xs", ...SIZES, isArbitrary] }],
    "shadow-color": [{ shadow: [any] }],
    "text-decoration-thickness": [{ decoration: [isNumber, "from-font", "auto", isArbitraryLength] }],
    "text-decoration-style": [{ decoration: ["solid", "dashed", "dotted", "double", "wavy"] }],
    "text-decoration-color": [{ decoration: [any] }],
    rounded: [{ rounded: RADIUS }],
    ...Object.fromEntries(CORNERS.map((c) => [`rounded-${c}`, [{ [`rounded-${c}`]: RADIUS }]])),
    flex: [{ flex: [isNumber, "auto", "initial", "none", isArbitrary] }],
    "flex-direction": [{ flex: ["row", "row-reverse", "col", "col-reverse"] }],
    "flex-wrap": [{ flex: ["wrap", "wrap-reverse", "nowrap"] }],
    grow: [{ grow: ["", isNumber] }],
    shrink: [{ shrink: ["", isNumber] }],
    "justify-content": [{ justify: ALIGN }],
    "justify-items": [{ "justify-items": ALIGN }],
    "justify-self": [{ "justify-self": ["auto", ...ALIGN] }],
    "align-content": [{ content: ALIGN }],
    "align-items": [{ items: ALIGN }],
    "align-self": [{ self: ["auto", ...ALIGN] }],
    content: [{ content: ["none", isArbitrary] }],
    "col-start-end": [{ col: ["auto", { span: ["full", isNumber, isArbitrary] }] }],
    "row-start-end": [{ row: ["auto", { span: ["full", isNumber, isArbitrary] }] }],
    overflow: [{ overflow: ["auto", "hidden", "clip", "visible", "scroll"] }],
    "overflow-x": [{ "overflow-x": ["auto", "hidden", "clip", "visible", "scroll"] }],
    "overflow-y": [{ "overflow-y": ["auto", "hidden", "clip", "visible", "scroll"] }],
    "space-x-reverse": ["space-x-reverse"],
    "space-y-reverse": ["space-y-reverse"],
    "divide-x": [{ "divide-x": ["", isNumber, isArbitraryLength] }],
    "divide-y": [{ "divide-y": ["", isNumber, isArbitraryLength] }],
    transition: [{ transition: ["", "all", "colors", "opacity", "shadow", "transform", "none", isArbitrary] }],
    "backdrop-blur": [{ "backdrop-blur": ["", "none", ...SIZES, isArbitrary] }],
    blur: [{ blur: ["", "none", ...SIZES, isArbitrary] }],
    break: [{ break: ["normal", "words", "all", "keep"] }],
    "object-fit": [{ object: ["contain", "cover", "fill", "none", "scale-down"] }],
    aspect: [{ aspect: ["auto", "square", "video", isArbitrary] }],
    fill: [{ fill: [any] }],
    "stroke-w": [{ stroke: [isNumber, isArbitraryLength] }],
    stroke: [{ stroke: [any] }],
    "border-collapse": [{ border: ["collapse", "separate"] }],
    filter: [{ filter: ["", "none", isArbitrary] }],
    "list-style-type": [{ list: ["disc", "decimal", "none", isArbitrary] }],
    "pointer-events": [{ "pointer-events": ["auto", "none"] }],
    "field-sizing": [{ "field-sizing": ["fixed", "content"] }],
    float: [{ float: ["right", "left", "none", "start", "end"] }],
    ...byPrefix("p px py ps pe pt pr pb pl m mx my ms me mt mr mb ml gap gap-x gap-y space-x space-y"),
    ...byPrefix("w h size min-w min-h max-w max-h basis inset inset-x inset-y start end top right bottom left"),
    ...byPrefix("translate-x translate-y scroll-m scroll-mt scroll-mb scroll-p"),
    ...byPrefix("z order", values("auto first last none")),
    ...byPrefix("opacity duration delay scale rotate", values("initial")),
    ...byPrefix("grid-cols grid-rows", values("none subgrid")),
    ...byPrefix("auto-cols auto-rows", values("auto min max fr", false)),
    ...byPrefix("col-start col-end row-start row-end", values("auto")),
    ...byPrefix("line-clamp", values("none")),
    ...byPrefix("underline-offset", values("auto")),
    leading: [{ leading: [values("none tight snug normal relaxed loose")] }],
    tracking: [{ tracking: [values("tighter tight normal wide wider widest", false)] }],
    animate: [{ animate: [values("none spin ping pulse bounce", false)] }],
    ease: [{ ease: [values("linear in out in-out initial", false)] }],
    select: [{ select: ["none", "text", "all", "auto"] }],
    appearance: [{ appearance: ["none", "auto"] }],
    resize: [{ resize: ["none", "", "y", "x"] }],
    whitespace: [{ whitespace: ["normal", "nowrap", "pre", "pre-line", "pre-wrap", "break-spaces"] }],
    cursor: [{ cursor: [(v: string) => /^[a-z-]+$/.test(v) || isArbitrary(v)] }],
    accent: [{ accent: ["auto", any] }],
    caret: [{ caret: [any] }],
  },
  conflictingClassGroups: {
    overflow: ["overflow-x", "overflow-y"],
    inset: ["inset-x", "inset-y", "start", "end", "top", "right", "bottom", "left"],
    "inset-x": ["start", "end", "right", "left"],
    "inset-y": ["top", "bottom"],
    flex: ["basis", "grow", "shrink"],
    gap: ["gap-x", "gap-y"],
    p: ["px", "py", "ps", "pe", "pt", "pr", "pb", "pl"],
    px: ["ps", "pe", "pr", "pl"],
    py: ["pt", "pb"],
    m: ["mx", "my", "ms", "me", "mt", "mr", "mb", "ml"],
    mx: ["ms", "me", "mr", "ml"],
    my: ["mt", "mb"],
    size: ["w", "h"],
    "font-size": ["leading"],
    "fvn-normal": ["fvn-ordinal", "fvn-slashed-zero", "fvn-figure", "fvn-spacing", "fvn-fraction"],
    "line-clamp": ["display", "overflow"],
    rounded: CORNERS.map((c) => `rounded-${c}`),
    "rounded-s": ["rounded-ss", "rounded-es"],
    "rounded-e": ["rounded-se", "rounded-ee"],
    "rounded-t": ["rounded-tl", "rounded-tr"],
    "rounded-r": ["rounded-tr", "rounded-br"],
    "rounded-b": ["rounded-br", "rounded-bl"],
    "rounded-l": ["rounded-tl", "rounded-bl"],
    "border-w": SIDES.map((s) => `border-w-${s}`),
    "border-w-x": ["border-w-s", "border-w-e", "border-w-r", "border-w-l"],
    "border-w-y": ["border-w-t", "border-w-b"],
    "border-color": SIDES.map((s) => `border-color-${s}`),
    "border-color-x": ["border-color-s", "border-color-e", "border-color-r", "border-color-l"],
    "border-color-y": ["border-color-t", "border-color-b"],
    "scroll-m": ["scroll-mt", "scroll-mb"],
    "container-named": ["container-type"],
  },
  conflictingClassGroupModifiers: { "font-size": ["leading"] },
  postfixLookupClassGroups: ["container-type"],
  orderSensitiveModifiers: [
    "*",
    "**",
    "after",
    "backdrop",
    "before",
    "details-content",
    "file",
    "first-letter",
    "first-line",
    "marker",
    "placeholder",
    "selection",
  ],
}));
