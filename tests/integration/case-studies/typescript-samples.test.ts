/**
 * Every TypeScript sample the case studies publish type-checks under the
 * project's strict settings, against the real types of what it imports
 * (`pg`'s from @types/pg), so a sample that stops compiling fails the tests.
 */
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { caseStudySamples, moduleName, ROOT, type CodeSample } from './samples.ts';

const samples = caseStudySamples(['ts', 'typescript']);

const options: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitReturns: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noFallthroughCasesInSwitch: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2022.d.ts'],
  types: [],
  noEmit: true,
  // One sample imports another by its file name, as `./ledger.ts`.
  allowImportingTsExtensions: true,
  // The samples are under test, not the libraries' declarations.
  skipLibCheck: true,
};

/**
 * Each sample becomes a file in a folder beside its MDX, under the name its fence gives it (else its line), so
 * `import … from 'pg'` resolves from the project's node_modules and `./ledger.ts` to the sample named so.
 */
const virtualPath = (sample: CodeSample) => join(ROOT, `${sample.file}.samples`, moduleName(sample));

function typeErrors(): string[] {
  const files = new Map(samples.map((sample) => [virtualPath(sample), sample]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  const folders = new Set([...files.keys()].map((path) => dirname(path)));
  host.fileExists = (path) => files.has(path) || fileExists(path);
  host.directoryExists = (path) => folders.has(path) || (directoryExists?.(path) ?? true);
  host.readFile = (path) => files.get(path)?.code ?? readFile(path);
  host.getSourceFile = (path, language, ...rest) => {
    const sample = files.get(path);
    return sample ? ts.createSourceFile(path, sample.code, language, true) : getSourceFile(path, language, ...rest);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const sample = diagnostic.file ? files.get(diagnostic.file.fileName) : undefined;
    if (!sample || diagnostic.start === undefined) return `${diagnostic.file?.fileName ?? 'options'}: ${message}`;
    const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
    return `${sample.file}:${sample.line + line}: ${message}`;
  });
}

describe('the TypeScript samples in content/case-studies/', () => {
  it('are there to check', () => {
    expect(samples.length).toBeGreaterThan(1);
  });

  // A whole program with @types/node: seconds, not milliseconds, on a busy machine.
  it('type-check under strict settings', { timeout: 60_000 }, () => {
    expect(typeErrors()).toEqual([]);
  });
});
