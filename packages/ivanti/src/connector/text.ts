/**
 * Ivanti's rich-text fields (a description or a note written in the web UI can hold HTML) as the
 * model's plain text.
 *
 * @module
 */

const HTML_TAG = /<\/?(?:p|div|br|span|b|i|u|em|strong|ul|ol|li|font|table|tr|td|h[1-6]|html|body|a)\b[^>]*>/i;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A text as plain text: HTML (recognised by its tags) loses its tags, with line breaks for `<br>`,
 * paragraphs and list items, and its entities decoded; any other text is returned as it is.
 *
 * @param text - A description or a note's body.
 * @example
 * ```ts
 * htmlToText('<p>VPN drops&nbsp;hourly</p><p>Since <b>Monday</b></p>'); // 'VPN drops hourly\nSince Monday'
 * htmlToText('a < b'); // 'a < b'
 * ```
 *
 * @category Mapping
 */
export function htmlToText(text: string): string {
  if (!HTML_TAG.test(text)) return text;
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
