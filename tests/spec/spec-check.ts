import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * SPEC.md against the tests: every rule id a test cites is a rule of SPEC.md, and every rule is
 * cited by at least one test unless it is listed under "Deliberately untested". Only SPEC.md is
 * read (never drafts of rules elsewhere), so a rule counts once it is in the SPEC.
 */

/** A rule id as tests cite it and SPEC.md defines it: `[R7]`, `[H12]`. */
const CITED_ID = /\[([A-Z]+[0-9]+)\]/g;
/** A rule's definition: a list item opening with its bold id, `- **[R7]** …`. */
const DEFINITION = /^\s*[-*] \*\*\[([A-Z]+[0-9]+)\]\*\*/;
/** An area's heading names its one prefix: `## The relay (R)`. */
const AREA_HEADING = /^## .*\(([A-Z]+)\)\s*$/;
const UNTESTED_HEADING = /^## Deliberately untested\s*$/;

/** Where tests live, from the repository root; only these are searched for citations. */
const TEST_ROOTS = ['tests', 'server/src', 'shared/src', 'client/src', 'bench'];
/** Files that are tests: vitest's `*.test.ts(x)` and Playwright's `*.spec.ts`. */
const TEST_FILE = /\.(test|spec)\.tsx?$/;
/** Never searched: dependencies, builds, and this checker's own tests (their ids are made up). */
const SKIPPED = [/(^|\/)node_modules\//, /(^|\/)dist\//, /^tests\/spec\//];

export interface Rule {
  id: string;
  /** 1-based line in SPEC.md. */
  line: number;
  /** Listed under "Deliberately untested": no test needs to cite it. */
  untested: boolean;
  /** The prefix of the area heading it stands under, or null outside any area. */
  area: string | null;
}

export interface Citation {
  id: string;
  /** The citing file, relative to the repository root, with `/` separators. */
  file: string;
  line: number;
}

export type ProblemKind =
  | 'unknown_id'
  | 'uncited_rule'
  | 'duplicate_rule'
  | 'cited_but_untested'
  | 'wrong_area'
  | 'duplicate_area';

export interface Problem {
  kind: ProblemKind;
  id: string;
  /** A sentence naming the place and what to do. */
  message: string;
}

export interface Spec {
  rules: Rule[];
  /** Area prefixes, each with the lines of the headings that claim it. */
  areas: Map<string, number[]>;
}

export function parseSpec(markdown: string): Spec {
  const rules: Rule[] = [];
  const areas = new Map<string, number[]>();
  let area: string | null = null;
  let untested = false;
  markdown.split('\n').forEach((text, index) => {
    const line = index + 1;
    if (text.startsWith('## ')) {
      const heading = AREA_HEADING.exec(text);
      area = heading ? heading[1]! : null;
      untested = UNTESTED_HEADING.test(text);
      if (area) areas.set(area, [...(areas.get(area) ?? []), line]);
      return;
    }
    const definition = DEFINITION.exec(text);
    if (definition) rules.push({ id: definition[1]!, line, untested, area });
  });
  return { rules, areas };
}

export function citationsIn(file: string, text: string): Citation[] {
  const citations: Citation[] = [];
  text.split('\n').forEach((content, index) => {
    for (const match of content.matchAll(CITED_ID))
      citations.push({ id: match[1]!, file, line: index + 1 });
  });
  return citations;
}

/** Every problem, in SPEC order then citation order; none means the SPEC and the tests agree. */
export function checkSpec(spec: Spec, citations: Citation[], specName = 'SPEC.md'): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, Rule>();
  for (const [prefix, lines] of spec.areas) {
    if (lines.length > 1)
      problems.push({
        kind: 'duplicate_area',
        id: prefix,
        message: `${specName}:${lines.join(', ')}: several areas use the prefix ${prefix}; give each area its own`,
      });
  }
  for (const rule of spec.rules) {
    const first = byId.get(rule.id);
    if (first) {
      problems.push({
        kind: 'duplicate_rule',
        id: rule.id,
        message: `${specName}:${rule.line}: [${rule.id}] is already defined at line ${first.line}; give this rule the next free id`,
      });
      continue;
    }
    byId.set(rule.id, rule);
    if (rule.area && !rule.id.startsWith(rule.area))
      problems.push({
        kind: 'wrong_area',
        id: rule.id,
        message: `${specName}:${rule.line}: [${rule.id}] stands in the area of prefix ${rule.area}`,
      });
  }
  const cited = new Map<string, Citation[]>();
  for (const citation of citations) {
    cited.set(citation.id, [...(cited.get(citation.id) ?? []), citation]);
    if (!byId.has(citation.id))
      problems.push({
        kind: 'unknown_id',
        id: citation.id,
        message: `${citation.file}:${citation.line} cites [${citation.id}], which ${specName} does not define`,
      });
  }
  for (const rule of byId.values()) {
    const by = cited.get(rule.id);
    if (!rule.untested && !by)
      problems.push({
        kind: 'uncited_rule',
        id: rule.id,
        message: `${specName}:${rule.line}: no test cites [${rule.id}]; test it, or list it under "Deliberately untested" with why`,
      });
    if (rule.untested && by)
      problems.push({
        kind: 'cited_but_untested',
        id: rule.id,
        message: `${specName}:${rule.line}: [${rule.id}] is listed as deliberately untested but ${by[0]!.file}:${by[0]!.line} cites it; move it to its area`,
      });
  }
  return problems;
}

/** The test files of the repository at `root`, relative, with `/` separators, sorted. */
export async function testFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const top of TEST_ROOTS) {
    let entries: string[];
    try {
      entries = await readdir(join(root, top), { recursive: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const file = relative(root, join(root, top, entry))
        .split(sep)
        .join('/');
      if (TEST_FILE.test(file) && !SKIPPED.some((pattern) => pattern.test(file))) found.push(file);
    }
  }
  return found.sort();
}

/** Checks the SPEC.md at `root` against every test file under it. */
export async function checkRepository(root: string): Promise<Problem[]> {
  const spec = parseSpec(await readFile(join(root, 'SPEC.md'), 'utf8'));
  const citations: Citation[] = [];
  for (const file of await testFiles(root))
    citations.push(...citationsIn(file, await readFile(join(root, file), 'utf8')));
  return checkSpec(spec, citations);
}
