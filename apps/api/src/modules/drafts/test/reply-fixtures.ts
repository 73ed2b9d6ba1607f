import { freePort } from '@inquiry/test-support';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { MessageIngestService } from '../../ingest/message-ingest.service';
import { mail } from '../../../test/temp-context';

export const SENDER_PROFILE = {
  fullName: 'Chen Jing',
  title: 'Export Sales Manager',
  company: 'Ningbo Brightway Lighting Co., Ltd.',
  phone: '+86 574 8765 4321',
  email: 'chen.jing@brightway.example',
  website: 'www.brightway.example',
  addressLines: ['No. 88 Jiangnan Road', 'Ningbo 315000, China'],
};

/** A Spanish buyer asking for a price on a stated quantity; `extra` header lines are added. */
export function spanishInquiry(messageId: string, extra: string[] = []): Buffer {
  return mail({
    extra,
    from: 'Ana Ruiz <ana.ruiz@buyer.example>',
    to: 'sales@seller.example',
    subject: 'Consulta: 2000 unidades de panel LED 600x600',
    messageId,
    body:
      'Estimados señores:\r\n\r\nNecesitamos 2000 unidades de paneles LED de 600x600 mm, 40 W, con certificado CE, ' +
      'entrega CIF Valencia. Por favor, envíennos su mejor precio y el plazo de entrega.\r\n\r\n' +
      'Atentamente,\r\nAna Ruiz\r\nDepartamento de Compras, Iluminaciones Ruiz S.L.',
  });
}

/**
 * Stores a buyer message as if IMAP sync had fetched it from `mailboxId`'s INBOX, and
 * returns the inquiry it became.
 */
export async function receive(
  app: INestApplication<App>,
  raw: Buffer,
  mailboxId: number | null,
  uid = 1,
): Promise<number> {
  const result = await app
    .get(MessageIngestService)
    .ingestRaw(
      raw,
      mailboxId === null
        ? { kind: 'import', source: `fixture ${uid}` }
        : { kind: 'imap', mailboxId, folder: 'INBOX', uidValidity: 1, uid },
    );
  if (result.status !== 'stored' || result.inquiryId === null) {
    throw new Error(`fixture was not stored as an inquiry: ${JSON.stringify(result)}`);
  }
  return result.inquiryId;
}

export async function saveProfile(app: INestApplication<App>, token: string): Promise<void> {
  await request(app.getHttpServer())
    .put('/api/sender-profile')
    .set({ Authorization: `Bearer ${token}` })
    .send(SENDER_PROFILE)
    .expect(200);
}

/**
 * Registers the seller mailbox with SMTP pointing at `smtp` and an IMAP port nothing listens
 * on, so sends go through while Sent-folder appends fail; returns the mailbox id.
 */
export async function createSmtpOnlyMailbox(
  app: INestApplication<App>,
  token: string,
  smtp: { host: string; port: number },
): Promise<number> {
  const mailbox = await request(app.getHttpServer())
    .post('/api/mailboxes')
    .set({ Authorization: `Bearer ${token}` })
    .send({
      name: 'Sales',
      address: 'sales@seller.example',
      imapHost: '127.0.0.1',
      imapPort: await freePort(),
      imapSecure: false,
      imapUser: 'sales',
      imapPassword: 'imap secret',
      smtpHost: smtp.host,
      smtpPort: smtp.port,
      smtpSecure: false,
    })
    .expect(201);
  return (mailbox.body as { id: number }).id;
}
