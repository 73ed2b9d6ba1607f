import type { ThreadEntity } from '../../database/entities';

/** A reply this long after the last message with the same subject starts a new conversation. */
export const SUBJECT_THREAD_WINDOW_MS = 90 * 24 * 3600 * 1000;

/** The conversation a message of a batch goes into: a stored thread, or one the batch creates. */
export interface PlannedThread {
  /** Known for a stored thread; for a created one, set once its row is inserted. */
  id?: number;
  /** The row of a thread the batch creates. */
  create?: Omit<ThreadEntity, 'id' | 'contact'>;
  /** Newest message of the batch joining a stored thread, which moves its lastMessageAt. */
  touchAt?: Date;
  /** Known for the threads subject threading compares (stored ones read by subject, created ones). */
  lastMessageAt?: Date;
}

/** What threading needs to know of one message of the batch. */
export interface ThreadingFacts {
  /** Its dedup key, so later messages of the batch referring to it find its thread. */
  key: string;
  /** Dedup keys of the messages it refers to (In-Reply-To and References). */
  referencedKeys: string[];
  /** Normalised subject; empty when it has none to thread by. */
  normalisedSubject: string;
  /** The correspondent subject threading is limited to; undefined when it must not be used. */
  subjectContactId: number | undefined;
  receivedAt: Date;
  /** The row to create when the message starts a conversation. */
  newThread: Omit<ThreadEntity, 'id' | 'contact'>;
}

/**
 * Threads the messages of a batch as storing them one after the other would: In-Reply-To and
 * References first (the thread of the newest message referred to, where a message earlier in
 * the batch counts as newer than any stored one), else the most recent conversation with the
 * same subject and correspondent within the window, else a new thread. Every message joining
 * a thread moves its lastMessageAt, which later messages of the batch see.
 */
export class BatchThreading {
  readonly created: PlannedThread[] = [];
  private readonly stored = new Map<number, PlannedThread>();
  private readonly bySubject = new Map<string, PlannedThread[]>();
  /** Stored messages referred to by the batch: thread, and id to tell the newest. */
  private readonly storedMessages: Map<string, { id: number; threadId: number }>;
  /** Messages of the batch assigned so far, with their position to tell the newest. */
  private readonly batchMessages = new Map<string, { thread: PlannedThread; order: number }>();

  /**
   * `referenced`: stored messages (with a thread) that messages of the batch refer to;
   * `bySubject`: stored threads of the subjects and correspondents the batch asks about.
   */
  constructor(
    referenced: Array<{ id: number; dedupKey: string; threadId: number }>,
    bySubject: Array<
      Pick<ThreadEntity, 'id' | 'normalisedSubject' | 'contactId' | 'lastMessageAt'>
    >,
  ) {
    this.storedMessages = new Map(
      referenced.map(({ id, dedupKey, threadId }) => [dedupKey, { id, threadId }]),
    );
    for (const row of bySubject) {
      const thread = this.storedThread(row.id);
      thread.lastMessageAt = row.lastMessageAt;
      if (row.contactId !== null) this.index(row.normalisedSubject, row.contactId, thread);
    }
  }

  /** Stored threads the batch joins, each with the newest time it must move to. */
  get touched(): PlannedThread[] {
    return [...this.stored.values()].filter((thread) => thread.touchAt !== undefined);
  }

  /** The thread of the next message of the batch (call in batch order). */
  assign(message: ThreadingFacts): PlannedThread {
    const thread = this.byReference(message.referencedKeys) ?? this.bySubjectOf(message);
    if (thread) this.join(thread, message.receivedAt);
    const assigned = thread ?? this.create(message.newThread);
    this.batchMessages.set(message.key, { thread: assigned, order: this.batchMessages.size });
    return assigned;
  }

  private byReference(keys: string[]): PlannedThread | undefined {
    let inBatch: { thread: PlannedThread; order: number } | undefined;
    let stored: { id: number; threadId: number } | undefined;
    for (const key of keys) {
      const batchMessage = this.batchMessages.get(key);
      if (batchMessage && (!inBatch || batchMessage.order > inBatch.order)) inBatch = batchMessage;
      const storedMessage = this.storedMessages.get(key);
      if (storedMessage && (!stored || storedMessage.id > stored.id)) stored = storedMessage;
    }
    if (inBatch) return inBatch.thread;
    return stored ? this.storedThread(stored.threadId) : undefined;
  }

  private bySubjectOf(message: ThreadingFacts): PlannedThread | undefined {
    if (!message.normalisedSubject || message.subjectContactId === undefined) return undefined;
    const since = message.receivedAt.getTime() - SUBJECT_THREAD_WINDOW_MS;
    let newest: PlannedThread | undefined;
    for (const thread of this.bySubject.get(
      subjectKey(message.normalisedSubject, message.subjectContactId),
    ) ?? []) {
      const at = thread.lastMessageAt!.getTime();
      if (at > since && (!newest || at > newest.lastMessageAt!.getTime())) newest = thread;
    }
    return newest;
  }

  private join(thread: PlannedThread, at: Date): void {
    if (!thread.lastMessageAt || thread.lastMessageAt < at) thread.lastMessageAt = at;
    if (thread.create) thread.create.lastMessageAt = thread.lastMessageAt;
    else if (!thread.touchAt || thread.touchAt < at) thread.touchAt = at;
  }

  private create(row: Omit<ThreadEntity, 'id' | 'contact'>): PlannedThread {
    const thread: PlannedThread = { create: { ...row }, lastMessageAt: row.lastMessageAt };
    this.created.push(thread);
    if (row.contactId !== null) this.index(row.normalisedSubject, row.contactId, thread);
    return thread;
  }

  private storedThread(id: number): PlannedThread {
    const known = this.stored.get(id);
    if (known) return known;
    const thread: PlannedThread = { id };
    this.stored.set(id, thread);
    return thread;
  }

  private index(normalisedSubject: string, contactId: number, thread: PlannedThread): void {
    const key = subjectKey(normalisedSubject, contactId);
    this.bySubject.set(key, [...(this.bySubject.get(key) ?? []), thread]);
  }
}

function subjectKey(normalisedSubject: string, contactId: number): string {
  return `${contactId}\n${normalisedSubject}`;
}
