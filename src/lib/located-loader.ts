/**
 * Wraps a content loader so a frontmatter error names the file AND the line,
 * in the terminal and in the dev overlay, before Astro's own (line-less)
 * schema check runs.
 *
 * It checks with one of two schemas: the build's, which refuses the TODO
 * placeholders `npm run new` writes, or, in `npm run dev` (the only command
 * whose loaders get a file watcher), the draft one, which lets them through so
 * a half-written page can be seen. The collection's own schema is the draft
 * one: by the time Astro's check runs, this one has already refused.
 *
 * In dev, Astro only logs an entry that fails on a change and keeps serving
 * its last good version: the error is also sent to the browser's error
 * overlay (src/lib/content-overlay.ts), and cleared once the file is fixed.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { ZodType } from 'astro/zod';
import { reportContentError } from './content-overlay.ts';
import { formatIssues, locateIssues } from './frontmatter.ts';

class ContentFrontmatterError extends Error {
  override name = 'ContentFrontmatterError';
  /** Read by Astro's error reporter and overlay. */
  loc: { file: string; line: number; column: number };
  hint = 'Fix the field on the line shown; the allowed fields and their rules are in src/lib/schemas.ts.';

  constructor(message: string, file: string, line: number) {
    super(message);
    this.loc = { file, line, column: 1 };
    this.stack = '';
  }
}

export interface CollectionSchemas {
  /** What the build accepts. */
  build: ZodType;
  /** What `npm run dev` accepts: the build's, placeholders let through. */
  draft: ZodType;
}

/** One schema for both (a collection with no placeholders to let through), or the build's and the draft's. */
export function withFrontmatterLines(loader: Loader, schemas: ZodType | CollectionSchemas): Loader {
  const { build, draft } = 'safeParse' in schemas ? { build: schemas, draft: schemas } : schemas;
  return {
    ...loader,
    load: (context) => {
      const dev = context.watcher !== undefined;
      const schema = dev ? draft : build;
      return loader.load({
        ...context,
        parseData: async (props) => {
          const result = schema.safeParse(props.data);
          if (!result.success && props.filePath) {
            const file = relative(process.cwd(), props.filePath);
            const located = locateIssues(readFileSync(props.filePath, 'utf8'), result.error.issues);
            const message = `${context.collection} → ${props.id}: the frontmatter does not match the schema.\n${formatIssues(file, located)}`;
            const error = new ContentFrontmatterError(message, props.filePath, located[0]?.line ?? 1);
            if (dev) reportContentError(props.filePath, error);
            throw error;
          }
          if (dev && props.filePath) reportContentError(props.filePath, undefined);
          return context.parseData(props);
        },
      });
    },
  };
}
