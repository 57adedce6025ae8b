import { describe, expect, it } from 'vitest';
import { collapsibleGroups, focusNodes, overviewSource, type FlowGraph } from '../../../../src/lib/diagrams/testing.ts';

const node = (id: string, label = id, shape = 'square') => ({ id, label, shape });
const edge = (from: string, to: string, label = '', stroke = 'normal', arrow = 'arrow_point') => ({ from, to, label, stroke, arrow });

/** The telemetry pipeline's flow, as Mermaid parses it: one group, the Kafka topic's partitions. */
const telemetry: FlowGraph = {
  direction: 'TB',
  nodes: [
    node('dev', 'IoT devices'),
    node('gw', 'Ingestion gateway'),
    node('pa', 'Partition A'),
    node('pb', 'Partition B'),
    node('sa', 'Processor A'),
    node('raw', 'Raw readings', 'cylinder'),
  ],
  edges: [
    edge('dev', 'gw'),
    edge('gw', 'pa'),
    edge('gw', 'pb'),
    edge('pa', 'sa', 'consumes'),
    edge('pb', 'sa', 'consumes'),
    edge('sa', 'raw', 'idempotent write'),
  ],
  groups: [{ id: 'kafka', title: 'Kafka topic, keyed by device', members: ['pa', 'pb'] }],
};

/** Nested groups: a region holding a cluster, beside a second region. */
const nested: FlowGraph = {
  direction: 'LR',
  nodes: [
    node('lb', 'Load balancer'),
    node('api', 'API'),
    node('db1', 'Primary', 'cylinder'),
    node('db2', 'Replica', 'cylinder'),
    node('dr', 'Standby API'),
  ],
  edges: [
    edge('lb', 'api'),
    edge('api', 'db1', 'writes'),
    edge('db1', 'db2', 'replicates', 'dotted'),
    edge('db2', 'dr', 'ships WAL', 'dotted'),
    edge('db1', 'dr', 'fails over', 'dotted'),
  ],
  groups: [
    { id: 'cluster', title: 'Database cluster', members: ['db1', 'db2'] },
    { id: 'east', title: 'Region east', members: ['api', 'cluster'] },
    { id: 'west', title: 'Region west', members: ['dr'] },
  ],
};

describe('overviewSource', () => {
  it('collapses each group to one node titled with its title, marked as holding more', () => {
    const source = overviewSource(telemetry, 'Telemetry pipeline architecture flow')!;
    expect(source.split('\n')[0]).toBe('flowchart TB');
    expect(source).toContain('kafka[["Kafka<br/>topic,<br/>keyed by<br/>device"]]');
    expect(source).not.toMatch(/\bpa\b|\bpb\b|Partition/);
  });

  it('keeps every node outside a group, in its own shape', () => {
    const source = overviewSource(telemetry, undefined)!;
    expect(source).toContain('dev["IoT devices"]');
    expect(source).toContain('raw[("Raw readings")]');
  });

  it('merges the edges a collapse makes parallel, joining their labels once each', () => {
    const lines = overviewSource(telemetry, undefined)!.split('\n');
    expect(lines.filter((line) => /^\s+gw .* kafka$/.test(line))).toEqual(['  gw --> kafka']);
    expect(lines.filter((line) => /^\s+kafka .* sa$/.test(line))).toEqual(['  kafka -->|"consumes"| sa']);
  });

  it('collapses the outermost group, nested ones with it, and drops the edges inside it', () => {
    const source = overviewSource(nested, undefined)!;
    expect(source).toContain('east[["Region east"]]');
    expect(source).toContain('west[["Region west"]]');
    expect(source).not.toMatch(/cluster|Primary|Replica/);
    // The two dotted edges between the regions become one, their labels joined; the one inside east goes.
    expect(source).toContain('east -.->|"ships WAL,<br/>fails over"| west');
    expect(source).not.toContain('replicates');
    expect(source).toContain('lb --> east');
    expect(source).toContain('lb["Load<br/>balancer"]');
  });

  it('keeps a solid line where any merged edge was solid', () => {
    const mixed: FlowGraph = { ...nested, edges: [edge('api', 'dr', 'calls'), edge('db1', 'dr', 'fails over', 'dotted')] };
    expect(overviewSource(mixed, undefined)).toContain('east -->|"calls,<br/>fails over"| west');
  });

  it('has nothing to add for a flow without groups', () => {
    expect(overviewSource({ ...telemetry, groups: [] }, undefined)).toBeUndefined();
  });
});

describe('the component the diagram is about stays', () => {
  /** The rate limiter: the limiter is inside Region A; the other regions are a group of their own. */
  const rateLimiter: FlowGraph = {
    direction: 'TB',
    nodes: [
      node('clients', 'Clients'),
      node('gw', 'API gateway'),
      node('lim', 'Limiter'),
      node('redis', 'Redis cluster', 'cylinder'),
      node('sync', 'Usage sync'),
      node('other', 'Region B'),
    ],
    edges: [
      edge('clients', 'gw'),
      edge('gw', 'lim', 'check'),
      edge('lim', 'redis'),
      edge('lim', 'sync', 'local counts', 'dotted'),
      edge('sync', 'other', 'counts', 'dotted'),
    ],
    groups: [
      { id: 'ra', title: 'Region A', members: ['gw', 'lim', 'redis'] },
      { id: 'others', title: 'Other regions', members: ['sync', 'other'] },
    ],
  };

  it('finds the focus by the words the title shares with a label', () => {
    expect([...focusNodes(rateLimiter, 'Sliding-window rate limiter architecture flow')]).toEqual(['lim']);
    expect([...focusNodes(telemetry, 'Telemetry pipeline architecture flow')]).toEqual([]);
  });

  it('collapses the other groups first, and never the focus’s own', () => {
    expect(collapsibleGroups(rateLimiter, new Set(['lim']))).toEqual(['others']);
    const source = overviewSource(rateLimiter, 'Sliding-window rate limiter architecture flow')!;
    expect(source).toContain('lim["Limiter"]');
    expect(source).toMatch(/subgraph ra\["Region A"\]\n {4}gw\n {4}lim\n {4}redis\n {2}end/);
    expect(source).toContain('lim -.->|"local counts"| others');
  });

  it('inside nested groups, collapses the focus’s siblings and keeps its frame', () => {
    expect(collapsibleGroups(nested, new Set(['db2']))).toEqual(['west']);
    expect(collapsibleGroups(nested, new Set(['api']))).toEqual(['cluster', 'west']);
  });

  it('collapses nothing when every group holds the focus', () => {
    expect(overviewSource({ ...rateLimiter, groups: [rateLimiter.groups[0]!] }, 'rate limiter')).toBeUndefined();
  });
});
