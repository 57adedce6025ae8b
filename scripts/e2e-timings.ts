/**
 * Where a Playwright run's time went: seconds per spec file and project (the
 * sum of its tests' durations, so two workers' seconds add up to about twice
 * the wall time), with the number of tests, read from Playwright's JSON report.
 *
 * Usage, after any Playwright run (tests/playwright.config.ts writes the report):
 *   node scripts/e2e-timings.ts test-results/e2e-report.json
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface Suite {
  file?: string;
  specs?: { tests: { projectName: string; results: { duration: number; status: string }[] }[] }[];
  suites?: Suite[];
}

interface Cell {
  tests: number;
  milliseconds: number;
  notPassed: number;
}

const reportFile = process.argv[2];
if (!reportFile) {
  console.error('Usage: node scripts/e2e-timings.ts test-results/e2e-report.json');
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { suites: Suite[]; stats: { duration: number } };

const ALL = 'all';
/** spec (or ALL) → project (or ALL) → cell */
const table = new Map<string, Map<string, Cell>>();
const projects = new Set<string>();

function add(spec: string, project: string, duration: number, passed: boolean): void {
  const row = table.get(spec) ?? new Map<string, Cell>();
  table.set(spec, row);
  const cell = row.get(project) ?? { tests: 0, milliseconds: 0, notPassed: 0 };
  row.set(project, { tests: cell.tests + 1, milliseconds: cell.milliseconds + duration, notPassed: cell.notPassed + (passed ? 0 : 1) });
}

function collect(suite: Suite, spec: string): void {
  for (const { tests } of suite.specs ?? []) {
    for (const test of tests) {
      projects.add(test.projectName);
      for (const { duration, status } of test.results) {
        for (const [row, column] of [
          [spec, test.projectName],
          [spec, ALL],
          [ALL, test.projectName],
          [ALL, ALL],
        ] as const) {
          add(row, column, duration, status === 'passed');
        }
      }
    }
  }
  for (const child of suite.suites ?? []) collect(child, spec);
}
for (const suite of report.suites) collect(suite, basename(suite.file ?? 'unknown'));

const format = (cell: Cell | undefined) =>
  cell ? `${(cell.milliseconds / 1000).toFixed(0)} s / ${cell.tests}${cell.notPassed ? ` (${cell.notPassed} not passed)` : ''}` : 'not run';
const columns = [...projects, ALL];
const rows = [...table.keys()].filter((spec) => spec !== ALL).sort();
console.log(`Seconds / tests, per spec and project (wall time of the run: ${(report.stats.duration / 1000).toFixed(0)} s)\n`);
console.log(
  [
    `| spec | ${columns.join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
    ...[...rows, ALL].map((spec) => `| ${spec} | ${columns.map((project) => format(table.get(spec)?.get(project))).join(' | ')} |`),
  ].join('\n'),
);
