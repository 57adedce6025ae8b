import { describe, expect, it } from 'vitest';
import { isHorizontal, withDirection } from '../../../../src/lib/diagrams/testing.ts';

describe('withDirection', () => {
  it('sets a flowchart’s (or graph’s) direction, changing only that line', () => {
    expect(withDirection('flowchart LR\n  a --> b', 'TB')).toBe('flowchart TB\n  a --> b');
    expect(withDirection('graph RL;\n  a --> b', 'TB')).toBe('graph TB;\n  a --> b');
    expect(withDirection('---\ntitle: Flow\n---\n%% a comment\n\nflowchart-elk TB\n  a --> b', 'LR')).toBe(
      '---\ntitle: Flow\n---\n%% a comment\n\nflowchart-elk LR\n  a --> b',
    );
  });

  it('sets the top-level direction of state, class, ER and requirement diagrams, not a nested one', () => {
    expect(withDirection('stateDiagram-v2\n  direction LR\n  [*] --> A', 'TB')).toBe('stateDiagram-v2\n  direction TB\n  [*] --> A');
    expect(withDirection('stateDiagram-v2\n  state A {\n    direction LR\n    x --> y\n  }\n  [*] --> A', 'TB')).toBeUndefined();
    expect(withDirection('erDiagram\n  direction LR\n  A ||--o{ B : has', 'TB')).toBe('erDiagram\n  direction TB\n  A ||--o{ B : has');
  });

  it('sets a gitGraph’s, which runs left to right unless it says otherwise', () => {
    expect(withDirection('gitGraph\n  commit', 'TB')).toBe('gitGraph TB:\n  commit');
    expect(withDirection('gitGraph TB:\n  commit', 'LR')).toBe('gitGraph LR:\n  commit');
    expect(withDirection('classDiagram\n  direction TB\n  A <|-- B', 'LR')).toBe('classDiagram\n  direction LR\n  A <|-- B');
  });

  it('has nothing to set on a type without a direction', () => {
    expect(withDirection('sequenceDiagram\n  A->>B: hi', 'LR')).toBeUndefined();
    expect(withDirection('pie\n  "a": 1', 'TB')).toBeUndefined();
  });
});

describe('isHorizontal', () => {
  it('tells a left-to-right diagram, a gitGraph by default, from a top-to-bottom or directionless one', () => {
    expect([isHorizontal('flowchart LR\n  a --> b'), isHorizontal('gitGraph\n  commit')]).toEqual([true, true]);
    expect([isHorizontal('flowchart TD\n  a --> b'), isHorizontal('sequenceDiagram\n  A->>B: hi')]).toEqual([false, false]);
  });
});
