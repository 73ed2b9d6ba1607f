import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { type E2eApp, startE2eApp } from '../../test/e2e-app';
import { receive, saveProfile, spanishInquiry } from '../drafts/test/reply-fixtures';

interface TemplateText {
  locale: string;
  origin: string;
  subject: string;
  body: string;
  updatedBy: string | null;
}
interface Template {
  key: string;
  origin: string;
  variables: Array<{ name: string; type: string }>;
  placeholders: string[];
  texts: TemplateText[];
}
interface Problem {
  fields: Array<{ field: string; reason: string }>;
}

const OWN_BODY =
  'Gracias por escribirnos sobre {{product}}. Preparamos su oferta para {{quantity}} unidades y la recibirá el {{quoteDate}}. ¿Nos confirma el puerto de destino?';

describe('company templates (e2e)', () => {
  let e2e: E2eApp;
  let auth: { Authorization: string };
  let sequence = 0;
  const http = () => request(e2e.app.getHttpServer());
  const newInquiry = () =>
    receive(e2e.app, spanishInquiry(`tpl-${++sequence}@buyer.example`), null, sequence);
  const draftText = async (body: object): Promise<{ subject: string; text: string }> => {
    const response = await http()
      .post(`/api/inquiries/${await newInquiry()}/drafts`)
      .set(auth)
      .send(body)
      .expect(201);
    return response.body as { subject: string; text: string };
  };
  const put = (key: string, locale: string, body: object) =>
    http().put(`/api/templates/${key}/${locale}`).set(auth).send(body);

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inquiry-templates-'));
    const templatesDir = join(dir, 'company-templates');
    await mkdir(templatesDir, { recursive: true });
    await writeFile(
      join(templatesDir, 'definitions.json'),
      JSON.stringify({ 'trade-fair-invite': { booth: 'text', fairDate: 'date' } }),
    );
    await writeFile(
      join(templatesDir, 'es.json'),
      JSON.stringify({
        templates: {
          'trade-fair-invite': {
            subject: 'Visítenos en el stand {{booth}}',
            body: 'Exponemos el {{fairDate}} con la nueva serie de {{booth}}. ¿Reservamos una hora para su visita?',
          },
          'request-details': { subject: 'Detalles para su pedido de {{product}}' },
        },
      }),
    );
    e2e = await startE2eApp({ TEMPLATES_DIR: templatesDir }, dir);
    auth = { Authorization: `Bearer ${e2e.token}` };
    await saveProfile(e2e.app, e2e.token);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('lists shipped and file templates with their variables and where each text comes from', async () => {
    const response = await http().get('/api/templates?locale=es').set(auth).expect(200);
    const templates = response.body as Template[];
    const firstReply = templates.find((t) => t.key === 'first-reply')!;
    expect(firstReply.origin).toBe('shipped');
    expect(firstReply.variables).toEqual([
      { name: 'product', type: 'text' },
      { name: 'quantity', type: 'integer' },
      { name: 'quoteDate', type: 'date' },
    ]);
    expect(firstReply.placeholders).toEqual(
      expect.arrayContaining(['{{product}}', '{{buyerName}}', '{{rep.email}}']),
    );
    expect(firstReply.texts).toEqual([
      expect.objectContaining({ locale: 'es', origin: 'shipped', updatedBy: null }),
    ]);
    const fair = templates.find((t) => t.key === 'trade-fair-invite')!;
    expect(fair).toMatchObject({ origin: 'file', texts: [{ locale: 'es', origin: 'file' }] });
    const details = templates.find((t) => t.key === 'request-details')!;
    expect(details.texts[0]).toMatchObject({
      origin: 'file',
      subject: 'Detalles para su pedido de {{product}}',
    });
    expect(details.texts[0]!.body).toContain('{{product}}');
    await http().get('/api/templates?locale=xx').set(auth).expect(400);
  });

  it('drafts with the file templates', async () => {
    const fair = await draftText({
      templateId: 'trade-fair-invite',
      variables: { booth: '11.2 C05', fairDate: '2027-04-15' },
    });
    expect(fair.subject).toBe('Visítenos en el stand 11.2 C05');
    expect(fair.text).toContain('Exponemos el 15 de abril de 2027');
    const details = await draftText({ templateId: 'request-details' });
    expect(details.subject).toBe('Detalles para su pedido de panel LED 600x600');
  });

  it('overrides a shipped text, drafts with it, and restores the default on DELETE', async () => {
    const shipped = await draftText({ templateId: 'first-reply' });
    expect(shipped.text).toContain('Fabricamos este artículo');

    const saved = await put('first-reply', 'es', {
      subject: 'Oferta de {{product}} en preparación',
      body: OWN_BODY,
    }).expect(200);
    expect((saved.body as Template).texts.find((t) => t.locale === 'es')).toMatchObject({
      origin: 'company',
      updatedBy: 'e2e',
      body: OWN_BODY,
    });
    const own = await draftText({ templateId: 'first-reply' });
    expect(own.subject).toBe('Oferta de panel LED 600x600 en preparación');
    expect(own.text).toContain('Preparamos su oferta para 2000 unidades');
    expect(own.text).not.toContain('Fabricamos este artículo');
    const english = await draftText({ templateId: 'first-reply', locale: 'en' });
    expect(english.text).not.toContain('Preparamos su oferta');

    await http().delete('/api/templates/first-reply/es').set(auth).expect(204);
    expect((await draftText({ templateId: 'first-reply' })).text).toContain(
      'Fabricamos este artículo',
    );
    const again = await http().delete('/api/templates/first-reply/es').set(auth).expect(404);
    expect(again.body).toMatchObject({ code: 'TEMPLATE_NOT_FOUND' });
  });

  it('adds a template of the company with its own variables', async () => {
    const missing = await put('warehouse-visit', 'es', {
      subject: 'Visita a nuestro almacén',
      body: '¿Le viene bien el {{visitDate}}?',
    }).expect(400);
    expect((missing.body as Problem).fields).toEqual([
      { field: 'variables', reason: expect.stringContaining('declare its variables') },
    ]);
    const badType = await put('warehouse-visit', 'es', {
      subject: 'Visita a nuestro almacén',
      body: '¿Le viene bien el {{visitDate}}?',
      variables: { visitDate: 'datetime', rep: 'text' },
    }).expect(400);
    expect((badType.body as Problem).fields.map((f) => f.field).sort()).toEqual([
      'variables.rep',
      'variables.visitDate',
    ]);

    await put('warehouse-visit', 'es', {
      subject: 'Visita a nuestro almacén de {{city}}',
      body: 'Con gusto le mostramos el almacén el {{visitDate}}. ¿Le viene bien esa fecha?',
      variables: { city: 'text', visitDate: 'date' },
    }).expect(200);
    const visit = await draftText({
      templateId: 'warehouse-visit',
      variables: { city: 'Ningbo', visitDate: '2027-03-02' },
    });
    expect(visit.subject).toBe('Visita a nuestro almacén de Ningbo');
    expect(visit.text).toContain('el 2 de marzo de 2027');

    const dropped = await put('warehouse-visit', 'en', {
      subject: 'Visit our warehouse',
      body: 'Would {{visitDate}} suit you?',
      variables: { visitDate: 'date' },
    }).expect(400);
    expect((dropped.body as Problem).fields).toEqual([
      { field: 'variables', reason: expect.stringMatching(/^the es text uses \{\{city\}\}/) },
    ]);

    const listed = await http().get('/api/templates/warehouse-visit').set(auth).expect(200);
    expect(listed.body).toMatchObject({
      origin: 'company',
      variables: [
        { name: 'city', type: 'text' },
        { name: 'visitDate', type: 'date' },
      ],
    });
    await http().delete('/api/templates/warehouse-visit/es').set(auth).expect(204);
    await http().get('/api/templates/warehouse-visit').set(auth).expect(404);
  });

  it('rejects unknown variables and malformed placeholders with the field and the reason', async () => {
    const unknown = await put('first-reply', 'es', {
      subject: 'Oferta de {{product}}',
      body: 'Le ofrecemos un descuento de {{discount}}. ¿Le interesa?',
    }).expect(400);
    expect((unknown.body as Problem).fields).toEqual([
      {
        field: 'body',
        reason: expect.stringMatching(/^\{\{discount\}\} is not a variable of this template/),
      },
    ]);

    const malformed = await put('first-reply', 'es', {
      subject: 'Oferta de {{product',
      body: 'Hola {{rep.fax}}. ¿Seguimos?',
    }).expect(400);
    expect((malformed.body as Problem).fields).toEqual([
      { field: 'subject', reason: expect.stringContaining('never closed') },
      { field: 'body', reason: expect.stringContaining('no signature field') },
    ]);

    const fixed = await put('first-reply', 'es', {
      subject: 'Oferta',
      body: '¿Seguimos?',
      variables: { discount: 'text' },
    }).expect(400);
    expect((fixed.body as Problem).fields).toEqual([
      {
        field: 'variables',
        reason: '"first-reply" is a shipped template; its variables are fixed',
      },
    ]);
    const badLocale = await put('first-reply', 'xx', { subject: 'a', body: 'b' }).expect(400);
    expect((badLocale.body as Problem).fields[0]!.field).toBe('locale');
    const badKey = await put('First_Reply', 'es', { subject: 'a', body: 'b' }).expect(400);
    expect((badKey.body as Problem).fields[0]!.field).toBe('key');
    const empty = await put('first-reply', 'es', { subject: '' }).expect(400);
    expect(new Set((empty.body as Problem).fields.map((f) => f.field))).toEqual(
      new Set(['body', 'subject']),
    );
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])(
    'refuses {{%s}} as an unknown variable, so drafts with the template keep working',
    async (name) => {
      const response = await put('request-details', 'fr', {
        subject: 'Votre demande',
        body: `Merci {{${name}}}`,
      }).expect(400);
      expect((response.body as Problem).fields).toEqual([
        {
          field: 'body',
          reason: expect.stringMatching(new RegExp(`^\\{\\{${name}\\}\\} is not a variable`)),
        },
      ]);
      const draft = await draftText({ templateId: 'request-details', locale: 'fr' });
      expect(draft.text).not.toContain(name);
    },
  );

  it.each(['toString', 'valueOf', 'hasOwnProperty'])(
    'refuses to declare a variable named %s',
    async (name) => {
      const response = await put('showroom-visit', 'es', {
        subject: 'Visita',
        body: '¿Le viene bien el {{visitDate}}?',
        variables: { visitDate: 'date', [name]: 'text' },
      }).expect(400);
      expect((response.body as Problem).fields).toEqual([
        { field: `variables.${name}`, reason: `${name} is a reserved word; choose another name` },
      ]);
      await http().get('/api/templates/showroom-visit').set(auth).expect(404);
    },
  );

  it('refuses a text that trips the forbidden-phrase check, naming the phrase and a better wording', async () => {
    const response = await put('polite-decline', 'es', {
      subject: 'Sobre {{product}}',
      body: 'Eso es imposible para nosotros. ¿Le interesa otro modelo?',
    }).expect(400);
    const { fields } = response.body as Problem;
    expect(fields).toEqual([
      {
        field: 'body',
        reason: expect.stringMatching(
          /^"imposible" is a forbidden phrase \(refusal\); write instead: .+/,
        ),
      },
    ]);
    const listed = await http().get('/api/templates/polite-decline').set(auth).expect(200);
    expect((listed.body as Template).texts.find((t) => t.locale === 'es')!.origin).toBe('shipped');
  });

  it('documents the routes and the request body in OpenAPI', async () => {
    const response = await http().get('/api/docs-json').expect(200);
    const doc = response.body as {
      paths: Record<string, Record<string, unknown>>;
      components: {
        schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }>;
      };
    };
    expect(Object.keys(doc.paths['/api/templates']!)).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/templates/{key}']!)).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/templates/{key}/{locale}']!).sort()).toEqual([
      'delete',
      'put',
    ]);
    const body = doc.components.schemas['PutTemplateTextDto']!;
    expect(Object.keys(body.properties).sort()).toEqual(['body', 'subject', 'variables']);
    expect(body.required?.sort()).toEqual(['body', 'subject']);
  });
});
