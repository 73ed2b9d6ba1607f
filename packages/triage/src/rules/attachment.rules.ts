import type { TriageRule } from './rule';

const RISKY =
  /\.(html?|shtml|xhtml|svg|zip|rar|7z|gz|tgz|iso|img|exe|scr|com|pif|bat|cmd|js|jse|vbs|vbe|wsf|hta|jar|lnk|msi|ps1|docm|xlsm)$/i;
const DOUBLE =
  /\.(pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|txt|csv|rtf)\.(html?|shtml|svg|zip|rar|7z|iso|img|exe|scr|com|pif|bat|cmd|js|vbs|wsf|hta|jar|lnk)$/i;
/** The document extension and the dot after it that every double-extension name in the text has. */
const FILE_EXTENSION_DOT = /\.(?:pdf|docx?|xlsx?|jpe?g|png)\./i;
const ORDER_LURE =
  /(p\.?o\.?[\s_-]?\d|purchase|order|rfq|quot|invoice|payment|spec|contract|pedido|orden|commande|bestellung|заказ|订单|采购|询价|発注|주문)/i;

export const riskyAttachment: TriageRule = {
  id: 'attachment.risky-type',
  class: 'scam',
  explanation: {
    en: 'An attachment is a web page, archive or program, which real buyers rarely send; it may hide a fake login page or malware.',
    zh: '附件是网页、压缩包或可执行程序，真实买家很少发送这类文件，可能藏有钓鱼页面或病毒。',
  },
  evaluate(facts) {
    const file = facts.message.attachments.find((a) => !a.inline && RISKY.test(a.filename));
    if (!file) return undefined;
    return { detail: file.filename, strength: ORDER_LURE.test(file.filename) ? 1.5 : 1 };
  },
};

export const doubleExtension: TriageRule = {
  id: 'attachment.double-extension',
  class: 'scam',
  explanation: {
    en: 'An attachment hides its real type behind a second extension (like "order.pdf.html").',
    zh: '附件使用双重扩展名（如 order.pdf.html）掩盖真实文件类型。',
  },
  evaluate(facts) {
    const names = facts.message.attachments.map((a) => a.filename);
    // Most bodies name no such file; the cheap test spares the word-by-word search of the full one.
    const inText = FILE_EXTENSION_DOT.test(facts.body)
      ? (facts.body.match(/[\w-]+\.(?:pdf|docx?|xlsx?|jpe?g|png)\.(?:html?|exe|scr|js|zip)\b/gi) ??
        [])
      : [];
    const file = [...names, ...inText].find((name) => DOUBLE.test(name.trim()));
    return file ? { detail: file } : undefined;
  },
};

export const attachmentRules: TriageRule[] = [riskyAttachment, doubleExtension];
