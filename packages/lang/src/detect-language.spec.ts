import { detectLanguage } from './detect-language';

describe('detectLanguage', () => {
  it.each([
    ['en', 'Could you quote FOB Xiamen for 3 containers of Carrara white marble slabs?'],
    ['es', 'Buenos días, necesitamos precio de encimeras de cuarzo para un proyecto en Lima.'],
    ['pt', 'Olá, gostaríamos de receber o catálogo e a lista de preços dos porcelanatos.'],
    ['fr', 'Bonjour, merci de nous envoyer votre meilleur prix pour des plans de travail.'],
    ['de', 'Sehr geehrte Damen und Herren, bitte senden Sie uns ein Angebot für Granitplatten.'],
    ['it', 'Buongiorno, vorremmo ricevere un preventivo per lastre di marmo bianco.'],
    ['nl', 'Goedendag, wij zoeken een leverancier van kwartscomposiet werkbladen.'],
    ['pl', 'Dzień dobry, prosimy o ofertę na blaty kwarcowe do naszej łazienki.'],
    ['tr', 'Merhaba, granit basamak için fiyat teklifi göndermenizi rica ederiz.'],
    ['vi', 'Chào anh, chúng tôi muốn đặt mua đá thạch anh cho dự án khách sạn.'],
    ['id', 'Selamat siang, kami ingin memesan meja granit untuk proyek kantor kami.'],
    ['ru', 'Здравствуйте, пришлите, пожалуйста, цены на столешницы из кварца.'],
    ['uk', 'Доброго дня, надішліть, будь ласка, ціни на стільниці з кварцу.'],
    ['ar', 'مرحبا، نرجو إرسال عرض سعر لألواح الرخام الأبيض إلى ميناء جدة.'],
    ['fa', 'سلام، لطفا قیمت سنگ گرانیت برای پروژه ساختمانی ما را بفرستید.'],
    ['he', 'שלום, נשמח לקבל הצעת מחיר עבור משטחי קוורץ למטבח.'],
    ['hi', 'नमस्ते, कृपया क्वार्ट्ज स्लैब की कीमत भेजें।'],
    ['th', 'สวัสดีครับ ขอใบเสนอราคาหินแกรนิตด้วยครับ'],
    ['ko', '안녕하세요, 석영 상판 견적을 부탁드립니다.'],
    ['ja', 'お世話になっております。御見積をお願いいたします。'],
    ['zh', '您好，请报价石英石台面，谢谢。'],
  ])('reads a short business line as %s', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it.each([
    ['Hello, please quote 500 pcs'],
    ['Dear Sir, please quote 500 pcs'],
    ['Hello, how are you'],
    ['hello'],
  ])('reads the short English of a trade message as English: %s', (text) => {
    expect(detectLanguage(text).language).toBe('en');
  });

  it.each([
    ['ru', 'Мы объединённая компания'],
    ['uk', 'Ми їхали з Києва'],
    ['ar', 'نريد شراء كمية كبيرة'],
    ['fa', 'ما چند کیلو می‌خواهیم'],
    ['ja', 'カタログ'],
    ['zh', '报价'],
  ])('tells neighbours sharing a script apart: %s', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it.each([
    ['en', 'quotation'],
    ['de', 'Fliesen'],
    ['pl', 'płytki'],
    ['tr', 'fiyatı'],
    ['es', 'cotización'],
    ['vi', 'giá'],
    ['ru', 'поставщик'],
    ['uk', 'постачальник'],
  ])('reads a single word as %s', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it.each([
    ['es', 'educacin'],
    ['pt', 'informao'],
  ])('reads %s whose accented letters were lost on the way: %s', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it.each([
    ['hi', 'Share on Facebook: कृपया कीमत भेजें'],
    ['ko', 'Samsung Galaxy 견적 부탁드립니다'],
  ])('reads %s around Latin brand names', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it.each([[''], ['   '], ['12345 / 678-90'], ['+86 592 1234567'], ['https://example.com/a/b']])(
    'answers und when there are no words: %j',
    (text) => {
      expect(detectLanguage(text)).toMatchObject({
        language: 'und',
        confidence: 0,
        runnerUp: null,
      });
    },
  );

  it('reports the body language of a Spanish message under an English signature and the other language present', () => {
    const text = [
      'Estimados señores:',
      '',
      'Somos una empresa constructora de Monterrey y estamos buscando un proveedor de cuarzo',
      'para un proyecto de 120 departamentos. Necesitamos cubiertas de cocina y baño.',
      'Por favor envíen su lista de precios, el tiempo de entrega y las condiciones de pago.',
      '',
      'This e-mail and any attachments are confidential and intended solely for the addressee.',
      'If you have received it in error please notify the sender and delete it.',
    ].join('\n');
    expect(detectLanguage(text).language).toBe('es');
  });

  it('judges mixed paragraphs by letters and lists the minority language in others', () => {
    const text = [
      'Guten Tag, wir sind ein Händler für Natursteine in Hamburg und suchen einen zuverlässigen',
      'Lieferanten für polierte Granitplatten in verschiedenen Farben und Stärken.',
      '',
      'Please reply in English if that is easier for your sales team.',
    ].join('\n');
    const result = detectLanguage(text);
    expect(result.language).toBe('de');
    expect(result.others.map((other) => other.language)).toEqual(['en']);
  });

  it('judges a long message on a sample that still sees its later paragraphs', () => {
    const portuguese = Array.from(
      { length: 20 },
      () =>
        'Precisamos de chapas de granito polido para um hotel em Lisboa e gostaríamos de saber o prazo de entrega.',
    );
    const english =
      'Please also send the English version of the catalogue to our partners in London.';
    const result = detectLanguage([...portuguese, ...Array<string>(8).fill(english)].join('\n\n'));
    expect(result.language).toBe('pt');
    expect(result.others.map((other) => other.language)).toEqual(['en']);
  });

  it('ignores the quoted thread under a reply', () => {
    const text = [
      'Merci, nous confirmons la commande de deux conteneurs.',
      '',
      'On Tue, 4 Mar 2025 at 09:15, Sales <sales@qiaolanstone.com> wrote:',
      '> Dear customer, please find attached our proforma invoice for the marble slabs.',
      '> We look forward to your confirmation and to a long business relationship.',
    ].join('\n');
    expect(detectLanguage(text)).toMatchObject({ language: 'fr', others: [] });
  });

  it('restricts the answer to the candidate set', () => {
    const result = detectLanguage('Bom dia, queremos comprar granito', {
      candidates: ['es', 'it'],
    });
    expect(['es', 'it']).toContain(result.language);
    expect(['es', 'it']).toContain(result.runnerUp?.language);
  });

  it('lets the sender country tip a close call but not overturn clear evidence', () => {
    const close = 'terima kasih';
    expect(detectLanguage(close, { context: { country: 'MY' } }).language).toBe('ms');
    expect(detectLanguage(close, { context: { country: 'ID' } }).language).toBe('id');
    const clear = 'We would like to order granite tiles for our new showroom in Kuala Lumpur.';
    expect(detectLanguage(clear, { context: { country: 'MY', charset: 'gb2312' } }).language).toBe(
      'en',
    );
  });

  it('gives a confidence between 0 and 1 and a runner-up that differs from the answer', () => {
    const result = detectLanguage('Por favor, envie o preço das bancadas');
    expect(result.language).toBe('pt');
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.runnerUp?.language).not.toBe('pt');
    expect(result.runnerUp?.confidence ?? 1).toBeLessThan(result.confidence);
  });
});
