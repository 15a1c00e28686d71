import Papa from "papaparse";
import { expect, test } from "vitest";
import { escapeCell, toCsv, type ExportRow } from "./export-csv";

const row: ExportRow = {
  name: '=HYPERLINK("http://evil.example","click")',
  email: "+1@example.org",
  role: "member",
  joinedAt: Date.UTC(2026, 0, 2),
  level: "engaged",
  computedLevel: "moderately_engaged",
  overrideLevel: "engaged",
  eventsAttended: 3,
  lastAttendedAt: undefined,
  country: undefined,
  careerStage: undefined,
  tags: ["-Volunteer", 'Speaker, "lead"'],
  headline: "@handle",
  city: "\tBerlin",
  skills: ["\rpython"],
  programs: [],
};

test("formula characters are escaped in every cell", () => {
  for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(escapeCell(`${start}x`)).toBe(`'${start}x`);
  expect(escapeCell("Ada")).toBe("Ada");
  expect(escapeCell("")).toBe("");
});

test("the file has a BOM, the columns, and parses back to escaped cells", () => {
  const text = toCsv(Papa.unparse, [row]);
  expect(text.startsWith("\uFEFF")).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  const [header, cells] = parsed.data;
  expect(header?.slice(0, 3)).toEqual(["Name", "Email", "Role"]);
  expect(cells?.[0]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  expect(cells?.[1]).toBe("'+1@example.org");
  expect(cells?.[3]).toBe("2026-01-02");
  expect(cells?.slice(4, 7)).toEqual(["Engaged", "Moderately engaged", "Engaged"]);
  expect(cells?.[9]).toBe(`'-Volunteer; Speaker, "lead"`);
  expect(cells?.[10]).toBe("'@handle");
  expect(cells?.[11]).toBe("'\tBerlin");
  expect(cells?.[14]).toBe("'\rpython");
});

test("the Programs column lists each program with where the member stands, escaped like the rest", () => {
  const withPrograms: ExportRow = {
    ...row,
    name: "Ada",
    programs: [
      { name: "Reading group", state: "completed" },
      { name: "Fellowship", state: "at_risk" },
      { name: "Course", state: "applied" },
    ],
  };
  const [, cells] = Papa.parse<string[]>(toCsv(Papa.unparse, [withPrograms]).slice(1), { skipEmptyLines: true }).data;
  expect(cells?.[15]).toBe("Reading group (completed); Fellowship (at risk); Course (applied)");
  const hostile: ExportRow = { ...row, programs: [{ name: "=cmd|' /C calc'!A0", state: "enrolled" }] };
  const [header, hostileCells] = Papa.parse<string[]>(toCsv(Papa.unparse, [hostile]).slice(1), {
    skipEmptyLines: true,
  }).data;
  expect(header?.[15]).toBe("Programs");
  expect(hostileCells?.[15]).toBe("'=cmd|' /C calc'!A0 (enrolled)");
  expect(toCsv(Papa.unparse, [row]).includes('""\r\n')).toBe(true); // no programs: an empty last cell
});
