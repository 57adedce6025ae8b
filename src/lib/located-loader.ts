/**
 * Wraps a content loader so a frontmatter error names the file AND the line,
 * in the terminal and in the dev overlay, before Astro's own (line-less)
 * schema check runs.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { ZodType } from 'astro/zod';
import { formatIssues, locateIssues } from './frontmatter.ts';

class ContentFrontmatterError extends Error {
  override name = 'ContentFrontmatterError';
  /** Read by Astro's error reporter and overlay. */
  loc: { file: string; line: number; column: number };
  hint = 'Fix the field on the line shown; the allowed fields and their rules are in src/lib/schemas.ts.';

  constructor(message: string, file: string, line: number) {
    super(message);
    this.loc = { file, line, column: 1 };
  }
}

export function withFrontmatterLines(loader: Loader, schema: ZodType): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        parseData: async (props) => {
          const result = schema.safeParse(props.data);
          if (!result.success && props.filePath) {
            const file = relative(process.cwd(), props.filePath);
            const located = locateIssues(readFileSync(props.filePath, 'utf8'), result.error.issues);
            const message = `${context.collection} → ${props.id}: the frontmatter does not match the schema.\n${formatIssues(file, located)}`;
            throw new ContentFrontmatterError(message, props.filePath, located[0]?.line ?? 1);
          }
          return context.parseData(props);
        },
      }),
  };
}
