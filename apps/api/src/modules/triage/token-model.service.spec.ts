import { createHash } from 'node:crypto';
import { parseMessage } from '@inquiry/mail';
import { classifyTokens, shippedTokenModel } from '@inquiry/triage';
import type { AppConfig } from '../../config/app-config';
import type { BlobStore } from '../../storage/blob-store';
import { TokenModelService } from './token-model.service';
import type { TrainingRow, TriageRepository } from './triage.repository';

function raw(subject: string, text: string): Buffer {
  return Buffer.from(
    `From: Buyer <buyer@example.com>\r\nTo: sales@exporter.example\r\nSubject: ${subject}\r\n` +
      `Date: Tue, 03 Mar 2026 09:00:00 +0100\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.com>\r\n\r\n${text}\r\n`,
  );
}

/** A service over labelled messages held in memory, as the repository and blob store would give them. */
function serviceWith(labelled: Array<{ label: TrainingRow['label']; raw: Buffer }>, minLabels = 4) {
  const blobs = new Map(
    labelled.map((l) => [createHash('sha256').update(l.raw).digest('hex'), l.raw]),
  );
  const rows = labelled.map((l) => ({
    label: l.label,
    rawSha256: createHash('sha256').update(l.raw).digest('hex'),
  }));
  const repository = {
    labelSignature: () => Promise.resolve(`${rows.length}`),
    trainingRows: () => Promise.resolve(rows),
  } as unknown as TriageRepository;
  const store = { get: (sha: string) => Promise.resolve(blobs.get(sha)!) } as unknown as BlobStore;
  return new TokenModelService(repository, store, { triageMinLabels: minLabels } as AppConfig);
}

const probe = 'Please send the zorblat catalogue and your frimmel capacity per month';
const spyLabels = Array.from({ length: 6 }, (_, i) => ({
  label: 'spy' as const,
  raw: raw(`Probe ${i}`, probe),
}));
const cleanLabels = Array.from({ length: 6 }, (_, i) => ({
  label: 'clean' as const,
  raw: raw(`Order ${i}`, 'Please quote 2 x 40HQ quartz slabs FOB Xiamen, 30% T/T deposit'),
}));

describe('TokenModelService', () => {
  it('uses the shipped model until the team has labelled enough mail', async () => {
    const service = serviceWith(spyLabels.slice(0, 2));
    await service.refresh();
    await expect(service.current()).resolves.toBe(shippedTokenModel());
  });

  it('adds the team’s labels to the shipped counts, so its own wording refines the model', async () => {
    const service = serviceWith([...spyLabels, ...cleanLabels]);
    await service.refresh();
    const model = await service.current();
    const shipped = shippedTokenModel();
    expect(model.classes).toEqual(shipped.classes);
    const spy = model.classes.indexOf('spy');
    expect(model.documents[spy]).toBe(shipped.documents[spy]! + 6);
    const message = await parseMessage(raw('New probe', probe));
    expect(classifyTokens(model, message).spy).toBeGreaterThan(
      classifyTokens(shipped, message).spy!,
    );
    expect(classifyTokens(model, message).spy).toBeGreaterThan(0.5);
  });
});
