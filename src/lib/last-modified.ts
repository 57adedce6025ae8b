/**
 * When a content file was first published and last changed, for structured
 * data: from git history, so nobody has to remember to bump a date. Without
 * history for the file (no git, a tarball, a file not committed yet) the
 * frontmatter's `updated` date stands in; with neither, no date is claimed.
 * Either way the answer depends only on the commit, so builds reproduce.
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';

export interface ContentDates {
  datePublished?: string | undefined;
  dateModified?: string | undefined;
}

/** Committer dates (ISO 8601, newest first) of the commits that touched `file`. */
function commitDates(file: string): string[] {
  if (file === '') return [];
  try {
    const path = resolve(file);
    const log = execFileSync('git', ['log', '--follow', '--format=%cI', '--', path], {
      cwd: dirname(path),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return log.split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** `file` absolute or relative to the working directory (the project root in a build). */
export function contentDates(file: string, updated?: Date): ContentDates {
  const dates = commitDates(file);
  if (dates.length > 0) return { dateModified: dates[0], datePublished: dates.at(-1) };
  return updated ? { dateModified: isoDate(updated) } : {};
}
