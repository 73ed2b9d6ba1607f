import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { createCliContext } from '../service-context';

export interface TempContext {
  context: INestApplicationContext;
  dir: string;
  close(): Promise<void>;
}

/** The service context on a fresh SQLite file and blob directory under a temporary folder. */
export async function startTempContext(env: Record<string, string> = {}): Promise<TempContext> {
  const dir = await mkdtemp(join(tmpdir(), 'inquiry-ctx-'));
  const context = await createCliContext({
    DB_URL: `sqlite:${join(dir, 'inquiry.sqlite')}`,
    BLOB_DIR: join(dir, 'blobs'),
    SECRET_KEY_FILE: join(dir, 'secret.key'),
    DEMO_INBOX: 'off',
    IMPORT_ROOT: dir,
    ...env,
  });
  return {
    context,
    dir,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A small RFC 822 message; `extra` header lines go before the body. */
export function mail(fields: {
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string | null;
  inReplyTo?: string;
  date?: string;
  body?: string;
  extra?: string[];
}): Buffer {
  const lines = [
    `From: ${fields.from ?? 'Ana Ruiz <ana.ruiz@buyer.example>'}`,
    `To: ${fields.to ?? 'sales@seller.example'}`,
    `Subject: ${fields.subject ?? 'Inquiry: 2000 pcs LED panel 600x600, CIF Valencia'}`,
    `Date: ${fields.date ?? 'Mon, 02 Mar 2026 09:15:00 +0100'}`,
    ...(fields.messageId === null
      ? []
      : [`Message-ID: <${fields.messageId ?? 'm1@buyer.example'}>`]),
    ...(fields.inReplyTo
      ? [`In-Reply-To: <${fields.inReplyTo}>`, `References: <${fields.inReplyTo}>`]
      : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...(fields.extra ?? []),
    '',
    fields.body ??
      'Dear sales team,\r\n\r\nWe need 2000 pcs of 600x600 LED panels, 40W, CE certified, CIF Valencia.\r\nPlease quote your best price.\r\n\r\nAna Ruiz\r\nPurchasing, Iluminaciones Ruiz S.L.',
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
