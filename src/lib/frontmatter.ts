/**
 * Turns schema issues into messages an author can act on: the file, the line
 * of the offending frontmatter field, the field and the fix. Astro's own
 * report names the file and field but points at line 0.
 */

export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: readonly string[];
}

export interface LocatedIssue {
  /** 1-based line in the content file. */
  line: number;
  field: string;
  message: string;
}

interface FrontmatterLines {
  /** 1-based line of each top-level key. */
  keys: Map<string, number>;
  /** 1-based lines of each key's block-list items (`- item`), in order. */
  items: Map<string, number[]>;
  /** 1-based line of the closing `---`, where a missing field would go. */
  end: number;
}

function scanFrontmatter(source: string): FrontmatterLines {
  const lines = source.split(/\r?\n/);
  const keys = new Map<string, number>();
  const items = new Map<string, number[]>();
  let current: string | undefined;
  let end = 1;
  for (let index = 1; index < lines.length; index++) {
    const text = lines[index]!;
    if (text.trim() === '---') {
      end = index + 1;
      break;
    }
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(text)?.[1];
    if (key) {
      current = key;
      keys.set(key, index + 1);
    } else if (current && /^\s+-\s/.test(text)) {
      items.set(current, [...(items.get(current) ?? []), index + 1]);
    }
  }
  return { keys, items, end };
}

export function locateIssues(source: string, issues: readonly SchemaIssue[]): LocatedIssue[] {
  const frontmatter = scanFrontmatter(source);
  const lineOf = (path: readonly PropertyKey[]) => {
    const [key, index] = path;
    if (typeof key !== 'string') return frontmatter.end;
    const keyLine = frontmatter.keys.get(key);
    if (keyLine === undefined) return frontmatter.end;
    return (typeof index === 'number' && frontmatter.items.get(key)?.[index]) || keyLine;
  };
  return issues
    .flatMap((issue): LocatedIssue[] => {
      if (issue.code === 'unrecognized_keys' && issue.keys) {
        return issue.keys.map((key) => ({ line: lineOf([key]), field: key, message: issue.message }));
      }
      return [{ line: lineOf(issue.path), field: issue.path.map(String).join('.'), message: issue.message }];
    })
    .sort((a, b) => a.line - b.line);
}

export function formatIssues(file: string, located: readonly LocatedIssue[]): string {
  return located.map(({ line, field, message }) => `${file}:${line}  ${field}: ${message}`).join('\n');
}
