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
  /** The caller has just seen that nothing is stored at this IMAP position. */
  positionChecked?: boolean;
  /**
   * What the caller found stored under the message's Message-ID, looked up for a whole batch
   * (MessageIngestService.storedByMessageId): with a stored message only the new location is
   * recorded; with none (null) the per-message lookup is skipped, a concurrent store of the
   * same message still being caught by the unique index.
   */
  messageIdLookup?: { messageId: string; storedAs: number | null };
}
