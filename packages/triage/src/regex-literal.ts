/** `text` as a regular-expression source that matches exactly it (brand, product or country names). */
export function regexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
