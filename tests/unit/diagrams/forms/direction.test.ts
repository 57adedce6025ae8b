import { describe, expect, it } from 'vitest';
import { isHorizontal, turned, withDirection } from '../../../../src/lib/diagrams/testing.ts';

describe('turned', () => {
  it('turns a diagram the other way round: left-right to top-bottom and back, changing only the direction', () => {
    expect(turned('flowchart LR\n  a --> b')).toBe('flowchart TB\n  a --> b');
    expect(turned('graph TD\n  a --> b')).toBe('graph LR\n  a --> b');
    expect(turned('flowchart BT\n  a --> b')).toBe('flowchart LR\n  a --> b');
    expect(turned('gitGraph\n  commit')).toBe('gitGraph TB:\n  commit');
    expect(turned('gitGraph TB:\n  commit')).toBe('gitGraph LR:\n  commit');
    expect(turned('classDiagram\n  direction TB\n  A <|-- B')).toBe('classDiagram\n  direction LR\n  A <|-- B');
  });

  it('leaves alone a diagram without a direction, or one that does not state its own', () => {
    expect(turned('sequenceDiagram\n  A->>B: hi')).toBeUndefined();
    expect(turned('stateDiagram-v2\n  [*] --> A')).toBeUndefined();
  });
});

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
