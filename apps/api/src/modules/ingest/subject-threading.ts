/**
 * Reply and forward prefixes as mail clients write them in the languages our buyers use
 * (Re/Fwd, German AW/WG, Nordic SV/VS, Dutch Antw, Italian R/RIF/I, French TR, Spanish and
 * Portuguese RES/ENC/RV, Polish Odp/PD, Turkish YNT/İLT, Chinese 回复/答复/转发, Japanese 返信/転送).
 */
const PREFIX =
  /^\s*(?:(?:re|fwd?|aw|wg|sv|vs|antw|odp|pd|r|rif|i|tr|res|enc|rv|ynt|ilt|İlt|ответ|отв|пересл|回复|回覆|答复|转发|轉寄|返信|転送)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]|\[[^\]]{1,40}\])\s*/iu;

const MAX_LENGTH = 255;

/** The subject a whole thread shares: prefixes and list tags removed, spacing and case folded. */
export function normaliseSubject(subject: string): string {
  let rest = subject.normalize('NFKC');
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    rest = rest.replace(PREFIX, '');
  }
  return rest.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, MAX_LENGTH);
}
