/** `asctime` form that mbox readers take as the postmark's time: `Mon Mar  2 09:00:00 2026`. */
function postmarkDate(date: Date): string {
  const [weekday, day, month, year, time] = date.toUTCString().replace(',', '').split(' ') as [
    string,
    string,
    string,
    string,
    string,
  ];
  return `${weekday} ${month} ${String(Number(day)).padStart(2)} ${time} ${year}`;
}

/**
 * One message as an mboxrd entry with the team's label prepended as a header, so tools that
 * read mbox get the raw message and its label together. Bytes are handled as Latin-1, which
 * maps each byte to one character and back, so 8-bit bodies in any charset pass unchanged
 * apart from the `>From ` quoting mboxrd requires.
 */
export function labelledMboxEntry(
  raw: Buffer,
  label: string,
  inquiryId: number,
  date: Date,
): Buffer {
  const text = raw.toString('latin1');
  const eol = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n';
  const quoted = text.replace(/^(>*From )/gm, '>$1');
  const body = quoted.endsWith('\n') ? quoted : `${quoted}${eol}`;
  return Buffer.from(
    `From MAILER-DAEMON ${postmarkDate(date)}${eol}X-Inquiry-Label: ${label}${eol}X-Inquiry-Id: ${inquiryId}${eol}${body}${eol}`,
    'latin1',
  );
}
