import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { consecutiveRuns } from '../../common/consecutive-runs';

/** Where the last sync of one folder stopped: every UID up to `highestUid` has been stored. */
export interface FolderCursor {
  uidValidity: number;
  highestUid: number;
  highestModseq: string | null;
  messagesOnServer: number;
}

export interface FetchedMessage {
  uid: number;
  uidValidity: number;
  raw: Buffer;
}

export interface FolderSyncOptions<Batch> {
  folder: string;
  /** Undefined on the first sync of the folder. */
  cursor: FolderCursor | undefined;
  /** Messages downloaded per FETCH at most; the cursor moves with each batch stored. */
  batchSize: number;
  /**
   * Bytes of mail (sizes as the server reports them) per FETCH at most: with later batches
   * downloading and being prepared ahead, a few batches are in memory at once.
   */
  batchBytes: number;
  /**
   * Readies a downloaded batch (UID order) for storing. With `prepareWhileStoring` it runs for
   * the next batch while the one before is being stored, so it must not rely on what storing
   * that one writes.
   */
  prepareBatch(messages: FetchedMessage[]): Promise<Batch>;
  /** Whether the next batch may be prepared while the current one is stored (downloads always overlap). */
  prepareWhileStoring: boolean;
  /**
   * Stores one prepared batch and, with it, the cursor that covers it; must be idempotent,
   * because a batch cut short is fetched again.
   */
  storeBatch(batch: Batch, cursor: FolderCursor): Promise<void>;
  /** Persists the cursor at the end of a pass (or of one that found the folder unchanged). */
  saveCursor(cursor: FolderCursor): Promise<void>;
  /** Called between batches; throws to stop (e.g. the mailbox lease was lost). */
  checkpoint(): Promise<void>;
}

export interface FolderSyncResult {
  folder: string;
  /** STATUS showed nothing new, so the folder was not even opened. */
  skipped: boolean;
  /** UIDVALIDITY changed (or first sync): every message on the server was fetched. */
  fullResync: boolean;
  fetched: number;
  cursor: FolderCursor;
}

/** The STATUS items that tell whether a folder changed since the cursor was written. */
export function isUnchanged(
  cursor: FolderCursor | undefined,
  status: {
    uidValidity?: bigint;
    uidNext?: number;
    messages?: number;
    highestModseq?: bigint;
  },
): boolean {
  if (!cursor || status.uidValidity === undefined || status.uidNext === undefined) return false;
  return (
    Number(status.uidValidity) === cursor.uidValidity &&
    status.uidNext - 1 <= cursor.highestUid &&
    status.messages === cursor.messagesOnServer &&
    (status.highestModseq === undefined || String(status.highestModseq) === cursor.highestModseq)
  );
}

/**
 * One incremental pass over one folder. A cheap STATUS decides whether there is anything to
 * do; otherwise the folder is opened, the UIDs above the cursor are listed and downloaded in
 * batches, later batches downloading and being prepared while the current one is stored. A changed
 * UIDVALIDITY restarts from UID 1; the store deduplicates what it already has.
 */
export async function syncFolder<Batch>(
  client: ImapFlow,
  options: FolderSyncOptions<Batch>,
): Promise<FolderSyncResult> {
  const { folder, cursor } = options;
  // A server answers STATUS on the open folder from the session's own view, which only
  // learns of new mail at the next sync point; NOOP is that sync point.
  if (client.mailbox && client.mailbox.path === folder) await client.noop();
  const status = await client.status(folder, {
    messages: true,
    uidNext: true,
    uidValidity: true,
    highestModseq: true,
  });
  if (!status) throw new Error(`STATUS ${folder} returned nothing`);
  if (cursor && isUnchanged(cursor, status)) {
    return { folder, skipped: true, fullResync: false, fetched: 0, cursor };
  }

  const lock = await client.getMailboxLock(folder, { readOnly: true });
  // Work started ahead for later batches; settled before the folder is let go, so none of it
  // outlives a pass that failed (or a lease that moved to another worker).
  let downloading: Promise<FetchMessageObject[]> | undefined;
  let readying: Promise<{ count: number; prepared: Batch }> | undefined;
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error(`could not open ${folder}`);
    const uidValidity = Number(mailbox.uidValidity);
    // Messages arriving from here on get UIDs at or above this, so everything below is covered.
    const uidNextAtOpen = mailbox.uidNext;
    const fullResync = !cursor || cursor.uidValidity !== uidValidity;
    const after = fullResync ? 0 : cursor.highestUid;

    const found =
      mailbox.exists === 0 ? [] : await client.search({ uid: `${after + 1}:*` }, { uid: true });
    // `n:*` also matches the newest message when n is past the end, hence the filter.
    const uids = (found || []).filter((uid) => uid > after).sort((a, b) => a - b);

    let next: FolderCursor = {
      uidValidity,
      highestUid: after,
      highestModseq: fullResync ? null : cursor.highestModseq,
      messagesOnServer: mailbox.exists,
    };
    let fetched = 0;
    const sizes = await messageSizes(client, uids);
    const batches = consecutiveRuns(
      uids,
      (uid) => sizes.get(uid) ?? 0,
      options.batchBytes,
      options.batchSize,
    );
    const download = (index: number) => {
      const started = fetchBatch(client, batches[index]!);
      // Awaited once its batch is prepared; a failure before then is no unhandled rejection.
      started.catch(() => undefined);
      return started;
    };
    downloading = batches.length > 0 ? download(0) : undefined;
    const ready = async (index: number) => {
      const messages = await downloading!;
      // The batch after downloads while this one is being prepared.
      downloading = index + 1 < batches.length ? download(index + 1) : undefined;
      return {
        count: messages.length,
        prepared: await options.prepareBatch(
          messages.map((message) => ({ uid: message.uid, uidValidity, raw: message.source! })),
        ),
      };
    };
    const readyNext = (index: number) => {
      readying = index < batches.length ? ready(index) : undefined;
      // A failed prefetch must not surface as an unhandled rejection while a batch is stored.
      readying?.catch(() => undefined);
    };
    readyNext(0);
    for (let index = 0; index < batches.length; index += 1) {
      const { count, prepared } = await readying!;
      if (options.prepareWhileStoring) readyNext(index + 1);
      next = { ...next, highestUid: batches[index]!.at(-1)! };
      await options.storeBatch(prepared, next);
      if (!options.prepareWhileStoring) readyNext(index + 1);
      fetched += count;
      await options.checkpoint();
    }

    next = {
      uidValidity,
      highestUid: Math.max(next.highestUid, uidNextAtOpen - 1),
      highestModseq: mailbox.highestModseq === undefined ? null : String(mailbox.highestModseq),
      messagesOnServer: mailbox.exists,
    };
    await options.saveCursor(next);
    return { folder, skipped: false, fullResync, fetched, cursor: next };
  } finally {
    await Promise.allSettled([readying, downloading]);
    lock.release();
  }
}

async function fetchBatch(client: ImapFlow, uids: number[]): Promise<FetchMessageObject[]> {
  const messages = await client.fetchAll(
    uids.join(','),
    { uid: true, source: true },
    { uid: true },
  );
  return messages.filter((message) => message.source !== undefined).sort((a, b) => a.uid - b.uid);
}

/** Each message's size on the server (RFC822.SIZE), read in one FETCH for the whole range. */
async function messageSizes(client: ImapFlow, uids: number[]): Promise<Map<number, number>> {
  const sizes = new Map<number, number>();
  if (uids.length === 0) return sizes;
  const listed = await client.fetchAll(
    `${uids[0]}:${uids.at(-1)}`,
    { uid: true, size: true },
    { uid: true },
  );
  for (const message of listed) sizes.set(message.uid, message.size ?? 0);
  return sizes;
}
