import type { EntityManager } from 'typeorm';

/** Where a raw message came from: an IMAP position, or a file/mbox entry being imported. */
export type IngestOrigin =
  | { kind: 'imap'; mailboxId: number; folder: string; uidValidity: number; uid: number }
  | {
      kind: 'import';
      /** File (and mbox entry) the message was read from, as shown to the user. */
      source: string;
      /** The bundled demo inbox: stored flagged so it can be removed as a whole. */
      demo?: boolean;
    };

export type ImapOrigin = Extract<IngestOrigin, { kind: 'imap' }>;

export type IngestResult =
  | { status: 'stored'; messageId: number; inquiryId: number | null }
  | { status: 'duplicate'; messageId: number }
  | { status: 'quarantined'; quarantineId: number; reason: string };

export interface IngestOptions {
  /**
   * Store the inquiry untriaged (verdict and triagedAt null: pending) for PendingTriageService
   * to triage later, so a sync's fetch loop does not wait for language detection and rules.
   */
  deferTriage?: boolean;
  /** Addresses of our own mailboxes, read once per batch by a caller storing many messages. */
  ownAddresses?: readonly string[];
}

/** One message of a batch handed to MessageIngestService.ingestBatch. */
export interface IngestItem {
  raw: Buffer;
  origin: IngestOrigin;
}

export interface BatchOptions extends IngestOptions {
  /**
   * More work to commit atomically with the batch's rows (a sync cursor). Run only when every
   * message of the batch was handled (stored, a duplicate or quarantined).
   */
  commitWith?: (manager: EntityManager) => Promise<void>;
}

/** What became of one message of a batch. */
export type BatchOutcome =
  | IngestResult
  /** Ingesting it threw; nothing of it was stored (the rest of the batch was). */
  | { status: 'failed'; error: unknown }
  /** Not attempted: an earlier message of its conversation in the batch failed (see ingestLanes). */
  | { status: 'held' };
