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
