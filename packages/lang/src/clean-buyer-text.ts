/**
 * Reduces an inquiry body to the buyer's own words: the quoted thread, signature, legal footer,
 * links, addresses, numbers and model codes say nothing about the language the buyer writes in.
 */

/** A line that opens a quoted earlier message; everything from it on is someone else's text. */
const QUOTE_OPENERS: readonly RegExp[] = [
  /^\s*-{2,}\s*(original message|forwarded message|mensaje original|mensaje reenviado|message d'origine|message transféré|ursprüngliche nachricht|original-nachricht|weitergeleitete nachricht|messaggio originale|messaggio inoltrato|mensagem original|mensagem encaminhada|oorspronkelijk bericht|doorgestuurd bericht|wiadomość oryginalna|oryginalna wiadomość|исходное сообщение|пересылаемое сообщение|оригінальне повідомлення|orijinal ileti|pesan asli|原始邮件|原始郵件|転送されたメッセージ|元のメッセージ|원본 메시지|tin nhắn gốc)\s*-{0,}\s*$/iu,
  /^\s*_{10,}\s*$/u,
  /(写道|寫道|書きました|작성했습니다|님이 작성)\s*[:：]?\s*$/u,
];

/**
 * "On Mon, 3 Mar 2025 at 10:12, Ana <ana@x.es> wrote:" and its translations: a dated attribution
 * line. It ends in a colon, which is tested first (trimEnd drops exactly what `\s` matches): the
 * pattern costs more than all other quote tests together on lines that could never match it.
 */
const ATTRIBUTION =
  /^(?=.*[\p{N}@]).{0,200}(?:^|\s)(wrote|escribió|a écrit|schrieb|ha scritto|escreveu|schreef|napisał\(a\)|napisała|napisał|pisze|написал\(а\)|написала|написал|написав|yazdı|menulis|đã viết)(?:\s.{0,120})?\s*:\s*$/iu;

function opensQuote(line: string): boolean {
  return (
    QUOTE_OPENERS.some((pattern) => pattern.test(line)) ||
    (line.trimEnd().endsWith(':') && ATTRIBUTION.test(line))
  );
}

/** Outlook-style header block of a quoted message: "From:" followed by "Sent:"/"To:"/"Subject:". */
const HEADER_KEY =
  /^\s*\*?(from|sent|date|to|cc|subject|de|enviado|fecha|para|asunto|envoyé|à|objet|von|gesendet|an|betreff|da|inviato|a|oggetto|data|assunto|van|verzonden|aan|onderwerp|od|wysłano|do|temat|от|отправлено|кому|тема|дата|kimden|gönderildi|kime|konu|tarih|dari|dikirim|kepada|perihal|subjek|发件人|寄件者|寄件人|发送时间|發送時間|日期|收件人|主题|主旨|差出人|送信日時|宛先|件名|보낸 사람|받는 사람|제목|날짜)\*?\s*[:：]/iu;
const HEADER_OPENER =
  /^\s*\*?(from|de|von|da|van|od|от|kimden|dari|发件人|寄件者|寄件人|差出人|보낸 사람)\*?\s*[:：]/iu;

/** A line that ends the message and starts the signature. */
const SIGNATURE_OPENERS: readonly RegExp[] = [
  /^--\s*$/u,
  /^\s*(best|kind|warm|with best)?\s*(regards|wishes)[,!.]?\s*$/iu,
  /^\s*(thanks|thank you|many thanks|thanks and regards|sincerely|yours sincerely|yours faithfully|cheers|best)[,!.]?\s*$/iu,
  /^\s*(saludos|saludos cordiales|un saludo|atentamente|cordialmente|muchas gracias)[,!.]?\s*$/iu,
  /^\s*(cordialement|bien cordialement|salutations|meilleures salutations|bien à vous)[,!.]?\s*$/iu,
  /^\s*(mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|mfg)[,!.]?\s*$/iu,
  /^\s*(cordiali saluti|distinti saluti|saluti)[,!.]?\s*$/iu,
  /^\s*(atenciosamente|cumprimentos|abraços|obrigado|obrigada)[,!.]?\s*$/iu,
  /^\s*(met vriendelijke groet(en)?|groeten)[,!.]?\s*$/iu,
  /^\s*(z poważaniem|pozdrawiam|pozdrawiam serdecznie)[,!.]?\s*$/iu,
  /^\s*(с уважением|з повагою)[,!.]?\s*$/iu,
  /^\s*(saygılarımla|saygılar|iyi çalışmalar)[,!.]?\s*$/iu,
  /^\s*(salam hormat|hormat kami|terima kasih|trân trọng)[,!.]?\s*$/iu,
  /^\s*(此致|敬礼|顺祝商祺|祝好|谢谢|よろしくお願いいたします|よろしくお願いします|감사합니다)[,，!。]?\s*$/u,
  /^\s*(مع التحية|مع خالص التحيات|با احترام|בברכה)[,،!.]?\s*$/u,
];

/** A paragraph of legal boilerplate or mailing-list furniture. */
const FOOTER_WORDS =
  'confidential|disclaimer|intended (solely )?for the|unsubscribe|you are receiving this|this (e-?mail|message) (and any|is|may)|virus|privileged|aviso legal|confidencial|ce message et|confidentiel|vertraulich|diese e-mail|riservat';
const FOOTER = new RegExp(String.raw`\b(${FOOTER_WORDS})`, 'iu');
/**
 * The footer words without the word boundary, which is what makes FOOTER slow under `iu`: a
 * paragraph without them is no footer, and most paragraphs are told so at a third of the cost.
 */
const MAY_BE_FOOTER = new RegExp(FOOTER_WORDS, 'iu');

function isFooter(paragraph: string): boolean {
  return MAY_BE_FOOTER.test(paragraph) && FOOTER.test(paragraph);
}

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
// The look-behinds start each try at the head of a token: a try from inside a long word would
// scan the rest of it again, which made cleaning cost as much as detecting.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/**
 * A letter or digit that can belong to a model code. Chinese, Japanese and Thai run words
 * together without spaces, so their letters never join a code: "收取20年" loses only "20".
 */
const CODE_CHAR = String.raw`(?:[^\P{L}\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\p{sc=Thai}]|\p{N})`;
/** Model codes, sizes and quantities: any token mixing digits with letters, and bare numbers. */
const CODE_OR_NUMBER = new RegExp(
  String.raw`(?<!${CODE_CHAR})(?:${CODE_CHAR}+[-/.])*${CODE_CHAR}*\p{N}${CODE_CHAR}*(?:[-/.,×x*]${CODE_CHAR}+)*`,
  'gu',
);
/** A character that can be part of a model code or number, or join its parts. */
const CODE_PART = new RegExp(String.raw`^(?:${CODE_CHAR}|[-/.,×*])$`, 'u');
const DIGIT = /\p{N}/gu;

function isCodePart(codePoint: number): boolean {
  return CODE_PART.test(String.fromCodePoint(codePoint));
}

/** The code point that ends just before `index`. */
function codePointBefore(text: string, index: number): number {
  const last = text.charCodeAt(index - 1);
  const first = text.charCodeAt(index - 2);
  const paired = last >= 0xdc00 && last <= 0xdfff && first >= 0xd800 && first <= 0xdbff;
  return paired ? (text.codePointAt(index - 2) ?? last) : last;
}

/**
 * The text without CODE_OR_NUMBER's matches. A match holds a digit and nothing but code parts, so
 * the pattern runs only over the stretch of code parts around each digit: tried at every position
 * of the text, its look-behind made it the costliest step of cleaning.
 */
function withoutCodes(text: string): string {
  let result = '';
  let done = 0;
  for (const { index } of text.matchAll(DIGIT)) {
    if (index < done) continue;
    let start = index;
    while (start > done) {
      const before = codePointBefore(text, start);
      if (!isCodePart(before)) break;
      start -= before > 0xffff ? 2 : 1;
    }
    let end = index;
    while (end < text.length) {
      const next = text.codePointAt(end) ?? 0;
      if (!isCodePart(next)) break;
      end += next > 0xffff ? 2 : 1;
    }
    result += text.slice(done, start) + text.slice(start, end).replace(CODE_OR_NUMBER, ' ');
    done = end;
  }
  return result + text.slice(done);
}

function cutAtQuote(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (opensQuote(line)) return lines.slice(0, i);
    if (
      HEADER_OPENER.test(line) &&
      lines.slice(i + 1, i + 5).some((next) => HEADER_KEY.test(next))
    ) {
      return lines.slice(0, i);
    }
  }
  return lines;
}

function cutAtSignature(lines: string[]): string[] {
  // Only near the end: "Thanks" on line two of a long message is part of the body.
  for (let i = Math.max(1, lines.length - 12); i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (SIGNATURE_OPENERS.some((pattern) => pattern.test(line))) return lines.slice(0, i);
  }
  return lines;
}

/** A cheap test that lets text without links skip the costly pattern. */
const MAY_LINK = /https?:|www\./i;

/**
 * The buyer's part of a message: without the quoted thread, `>` lines, the signature and legal
 * footers. Links, addresses and numbers are still in it.
 */
export function buyerPart(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'));
  return (
    cutAtSignature(cutAtQuote(lines))
      .join('\n')
      .split(/\n\s*\n/)
      // A footer follows a body: the first paragraph is the buyer's even when it says "virus".
      .filter((paragraph, index) => index === 0 || !isFooter(paragraph))
      .join('\n\n')
  );
}

/** The words of a text without links, e-mail addresses, numbers and model codes. */
export function wordsOnly(text: string): string {
  let words = text;
  if (MAY_LINK.test(words)) words = words.replace(LINK, ' ');
  if (words.includes('@')) words = words.replace(EMAIL, ' ');
  // A lone space is left as it is: replacing each space with itself made this a costly pass.
  return withoutCodes(words)
    .replace(/[ \t]{2,}|\t/g, ' ')
    .trim();
}

export function cleanBuyerText(text: string): string {
  return wordsOnly(buyerPart(text));
}
