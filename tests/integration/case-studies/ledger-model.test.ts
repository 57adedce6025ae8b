/**
 * The CQRS ledger's domain model, command handler and balance projection,
 * run as published in content/case-studies/cqrs-ledger.mdx (not only
 * type-checked): a retried transfer moves money once, the clearing account's
 * legs in the stated order can always be undone, and a projection rebuilt
 * from the first event equals the live one and the write side.
 *
 * The handler runs against an in-memory LedgerStore that keeps the published
 * contract: the events at their expected versions and the key, in one step,
 * or a Conflict.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importSample } from './samples.ts';

const FILE = 'content/case-studies/cqrs-ledger.mdx';

// The published modules' shapes, as far as this test uses them.
type LedgerEvent =
  | { type: 'AccountOpened'; accountId: string; currency: string }
  | { type: 'FundsDebited' | 'FundsCredited'; accountId: string; transferId: string; amount: bigint }
  | { type: 'AccountClosed'; accountId: string };
interface Account {
  status: string;
  balance: bigint;
  version: number;
}
type Decision = { accepted: true; events: LedgerEvent[] } | { accepted: false; reason: string };
interface TransferCommand {
  transferId: string;
  fromId: string;
  toId: string;
  amount: bigint;
}
interface StoredResult {
  request: string;
  decision: Decision;
}
interface Append {
  accountId: string;
  expectedVersion: number;
  events: LedgerEvent[];
}
interface Published {
  streamId: string;
  version: number;
  payload: string;
}
interface Ledger {
  CLEARING: string;
  rehydrate(events: readonly LedgerEvent[]): Account;
  decideTransfer(from: Account, to: Account, cmd: TransferCommand): Decision;
  reversal(transferId: string, payerId: string, amount: bigint): LedgerEvent[];
  serialize(event: LedgerEvent): string;
}
interface Handler {
  Conflict: new () => Error;
  postTransfer(store: MemoryStore, clientId: string, key: string, cmd: TransferCommand): Promise<Decision>;
}
interface Projection {
  projectBalance(rows: Map<string, { balance: bigint; version: number }>, message: Published): 'applied' | 'redelivered' | 'gap';
}

let ledger: Ledger;
let handler: Handler;
let projection: Projection;

beforeAll(async () => {
  [ledger, handler, projection] = await Promise.all([
    importSample<Ledger>(FILE, 'ledger.ts'),
    importSample<Handler>(FILE, 'handler.ts'),
    importSample<Projection>(FILE, 'projection.ts'),
  ]);
});

/** The event store and idempotency table, in memory, with the published LedgerStore contract. */
class MemoryStore {
  readonly streams = new Map<string, LedgerEvent[]>();
  readonly keys = new Map<string, StoredResult>();
  /** Every event in commit order, as the relay publishes it. */
  readonly published: Published[] = [];
  /** Runs once, inside the next commit, before it checks anything: another command getting there first. */
  interleave: (() => Promise<unknown>) | undefined;

  async findResult(clientId: string, key: string) {
    return this.keys.get(`${clientId}/${key}`);
  }

  async load(accountId: string) {
    return [...(this.streams.get(accountId) ?? [])];
  }

  async commit(appends: readonly Append[], clientId: string, key: string, result: StoredResult) {
    const interleave = this.interleave;
    this.interleave = undefined;
    await interleave?.();
    const conflict =
      this.keys.has(`${clientId}/${key}`) ||
      appends.some(({ accountId, expectedVersion }) => (this.streams.get(accountId)?.length ?? 0) !== expectedVersion);
    if (conflict) throw new handler.Conflict();
    for (const { accountId, events } of appends) this.append(accountId, events);
    this.keys.set(`${clientId}/${key}`, result);
  }

  append(accountId: string, events: readonly LedgerEvent[]) {
    const stream = this.streams.get(accountId) ?? [];
    for (const event of events) {
      stream.push(event);
      this.published.push({ streamId: accountId, version: stream.length, payload: ledger.serialize(event) });
    }
    this.streams.set(accountId, stream);
  }

  /** Appends events that were not decided (an opening, a funding, a reversal) at the stream's end. */
  post(events: readonly LedgerEvent[]) {
    for (const event of events) this.append(event.accountId, [event]);
  }

  account(accountId: string): Account {
    return ledger.rehydrate(this.streams.get(accountId) ?? []);
  }
}

function storeWith(balances: Record<string, bigint>): MemoryStore {
  const store = new MemoryStore();
  for (const [accountId, amount] of Object.entries(balances)) {
    store.post([{ type: 'AccountOpened', accountId, currency: 'EUR' }]);
    if (amount > 0n) store.post([{ type: 'FundsCredited', accountId, transferId: `funding-${accountId}`, amount }]);
  }
  return store;
}

const transfer = (transferId: string, fromId: string, toId: string, amount: bigint): TransferCommand => ({
  transferId,
  fromId,
  toId,
  amount,
});

describe('a transfer retried with the same idempotency key', () => {
  it('returns the first answer and moves the money once', async () => {
    const store = storeWith({ a: 100n, b: 0n });
    const command = transfer('t-1', 'a', 'b', 30n);
    const first = await handler.postTransfer(store, 'client-1', 'key-1', command);
    const retry = await handler.postTransfer(store, 'client-1', 'key-1', { ...command });
    expect(first.accepted).toBe(true);
    expect(retry).toEqual(first);
    expect([store.account('a').balance, store.account('b').balance]).toEqual([70n, 30n]);
  });

  it('returns a refusal again, rather than deciding again once funds have arrived', async () => {
    const store = storeWith({ a: 10n, b: 0n });
    const command = transfer('t-1', 'a', 'b', 30n);
    expect(await handler.postTransfer(store, 'client-1', 'key-1', command)).toEqual({ accepted: false, reason: 'insufficient-funds' });
    store.post([{ type: 'FundsCredited', accountId: 'a', transferId: 'top-up', amount: 100n }]);
    expect(await handler.postTransfer(store, 'client-1', 'key-1', command)).toEqual({ accepted: false, reason: 'insufficient-funds' });
    expect(store.account('b').balance).toBe(0n);
  });

  it('refuses the same key with another request, and scopes keys per client', async () => {
    const store = storeWith({ a: 100n, b: 0n });
    await handler.postTransfer(store, 'client-1', 'key-1', transfer('t-1', 'a', 'b', 30n));
    expect(await handler.postTransfer(store, 'client-1', 'key-1', transfer('t-2', 'a', 'b', 50n))).toEqual({
      accepted: false,
      reason: 'key-reused',
    });
    // Another client's key-1 is its own.
    expect((await handler.postTransfer(store, 'client-2', 'key-1', transfer('t-3', 'a', 'b', 50n))).accepted).toBe(true);
    expect(store.account('b').balance).toBe(80n);
  });

  it('replays the result when a concurrent retry stored the key first', async () => {
    const store = storeWith({ a: 100n, b: 0n });
    const command = transfer('t-1', 'a', 'b', 30n);
    let concurrent: Decision | undefined;
    store.interleave = async () => {
      concurrent = await handler.postTransfer(store, 'client-1', 'key-1', command);
    };
    const first = await handler.postTransfer(store, 'client-1', 'key-1', command);
    expect(first.accepted).toBe(true);
    expect(concurrent).toEqual(first);
    expect(store.account('b').balance).toBe(30n);
  });

  it('decides again after a version conflict, against the stream as it now is', async () => {
    const store = storeWith({ a: 100n, b: 0n, c: 0n });
    let other: Decision | undefined;
    store.interleave = async () => {
      other = await handler.postTransfer(store, 'client-2', 'key-9', transfer('t-9', 'a', 'c', 70n));
    };
    const loser = await handler.postTransfer(store, 'client-1', 'key-1', transfer('t-1', 'a', 'b', 70n));
    expect(other?.accepted).toBe(true);
    expect(loser).toEqual({ accepted: false, reason: 'insufficient-funds' });
    expect(store.account('a').balance).toBe(30n);
  });
});

describe('a transfer through the clearing account', () => {
  /** What the clearing account's entries for one transfer add up to; reconciliation wants 0 once it has settled or been reversed. */
  const clearingNet = (store: MemoryStore, transferId: string) =>
    store.streams
      .get(ledger.CLEARING)!
      .filter((event) => 'transferId' in event && event.transferId === transferId)
      .reduce(
        (sum, event) => sum + (event.type === 'FundsCredited' ? event.amount : event.type === 'FundsDebited' ? -event.amount : 0n),
        0n,
      );

  it("takes the payer's leg first, and its reversal, a credit, is never refused", async () => {
    const store = storeWith({ a: 100n, [ledger.CLEARING]: 0n });
    // Paying out to an account still in the monolith: the payer's leg, on the ledger.
    expect((await handler.postTransfer(store, 'client-1', 'key-1', transfer('t-1', 'a', ledger.CLEARING, 100n))).accepted).toBe(true);
    expect(store.account('a').balance).toBe(0n);
    // The monolith refuses the payee's leg: the payer's leg is reversed, though a now holds nothing.
    store.post(ledger.reversal('t-1', 'a', 100n));
    expect(store.account('a').balance).toBe(100n);
    expect(store.account(ledger.CLEARING).balance).toBe(0n);
    expect(clearingNet(store, 't-1')).toBe(0n);
  });

  it("lets the clearing account go below zero for the payee's leg, after the payer's leg in the monolith", async () => {
    const store = storeWith({ b: 0n, [ledger.CLEARING]: 0n });
    const leg = await handler.postTransfer(store, 'monolith', 'key-2', transfer('t-2', ledger.CLEARING, 'b', 50n));
    expect(leg.accepted).toBe(true);
    expect(store.account(ledger.CLEARING).balance).toBe(-50n); // until the monolith settles t-2
  });

  it('in the other order, a payee credited first can spend the money, and undoing the credit is refused', async () => {
    const store = storeWith({ b: 0n, c: 0n, [ledger.CLEARING]: 0n });
    await handler.postTransfer(store, 'monolith', 'key-3', transfer('t-3', ledger.CLEARING, 'b', 50n)); // payee's leg first
    await handler.postTransfer(store, 'client-b', 'key-4', transfer('t-4', 'b', 'c', 50n)); // b spends it
    // The payer's leg in the monolith is then refused; undoing b's credit is a debit of b:
    const undo = ledger.decideTransfer(store.account('b'), store.account(ledger.CLEARING), transfer('t-3', 'b', ledger.CLEARING, 50n));
    expect(undo).toEqual({ accepted: false, reason: 'insufficient-funds' });
    expect(clearingNet(store, 't-3')).toBe(-50n); // money created, and the reconciliation's alert
  });
});

describe('the balance projection', () => {
  async function busyLedger(): Promise<MemoryStore> {
    const store = storeWith({ a: 500n, b: 200n, c: 0n, [ledger.CLEARING]: 0n });
    const commands: [string, TransferCommand][] = [
      ['k-1', transfer('t-1', 'a', 'b', 120n)],
      ['k-2', transfer('t-2', 'b', 'c', 300n)],
      ['k-1', transfer('t-1', 'a', 'b', 120n)], // a retry
      ['k-3', transfer('t-3', 'c', 'a', 1n)], // refused: c holds nothing
      ['k-4', transfer('t-4', 'a', ledger.CLEARING, 80n)],
      ['k-5', transfer('t-5', 'b', 'a', 20n)],
    ];
    for (const [key, command] of commands) await handler.postTransfer(store, 'client-1', key, command);
    store.post(ledger.reversal('t-4', 'a', 80n));
    return store;
  }

  it('rebuilt from the first event equals the live projection, whatever the bus did, and the write side', async () => {
    const store = await busyLedger();
    const events = store.published;

    // Live: each stream in order, the streams interleaved differently, and redeliveries.
    const live = new Map<string, { balance: bigint; version: number }>();
    const outcomes: string[] = [];
    const byStream = Map.groupBy(events, ({ streamId }) => streamId);
    for (const stream of [...byStream.values()].reverse()) {
      stream.forEach((message, index) => {
        outcomes.push(projection.projectBalance(live, message));
        if (index > 0) outcomes.push(projection.projectBalance(live, stream[index - 1]!)); // a redelivery
      });
    }
    expect(outcomes).not.toContain('gap');
    expect(outcomes).toContain('redelivered');

    // Rebuild: a fresh table, every event from the first position.
    const rebuilt = new Map<string, { balance: bigint; version: number }>();
    for (const message of events) expect(projection.projectBalance(rebuilt, message)).toBe('applied');

    expect(rebuilt).toEqual(live);
    for (const [accountId, row] of rebuilt) {
      const { balance, version } = store.account(accountId);
      expect(row).toEqual({ balance, version });
    }
  });

  it('stops a stream at a missing version instead of guessing', () => {
    const rows = new Map<string, { balance: bigint; version: number }>();
    const event = (version: number, amount: bigint): Published => ({
      streamId: 'a',
      version,
      payload: ledger.serialize({ type: 'FundsCredited', accountId: 'a', transferId: `t-${version}`, amount }),
    });
    expect(projection.projectBalance(rows, event(1, 10n))).toBe('applied');
    expect(projection.projectBalance(rows, event(3, 5n))).toBe('gap');
    expect(rows.get('a')).toEqual({ balance: 10n, version: 1 });
  });
});
