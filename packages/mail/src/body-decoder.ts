import { Transform, type TransformCallback } from 'node:stream';
import type { IconvConstructor } from 'mailparser';
import { decodeText } from './charset-decoder';

/**
 * Charset label that marks a text part for decoding with detection. mailparser only hands parts
 * with a non-UTF-8 label to a custom decoder, so a part whose UTF-8 (or missing) label turned out
 * wrong is relabelled with this prefix plus its original label and parsed again.
 */
export const DETECT_PREFIX = 'x-inquiry-detect-';

export interface BodyDecodeReport {
  declared: string | undefined;
  usedCharset: string;
  problem?: string;
}

/**
 * Builds the decoder class mailparser's `Iconv` option expects, so every labelled text part is
 * decoded by `decodeText` (aliases, detection, problems) instead of plain iconv-lite. Each decoded
 * part is reported to `onPart`, which is how one parse learns about its own parts.
 */
export function bodyDecoderFor(onPart: (report: BodyDecodeReport) => void): IconvConstructor {
  return class BodyDecoder extends Transform {
    private readonly chunks: Buffer[] = [];
    private readonly declared: string | undefined;

    constructor(fromCharset: string) {
      super();
      const label = fromCharset.toLowerCase().startsWith(DETECT_PREFIX)
        ? fromCharset.slice(DETECT_PREFIX.length)
        : fromCharset;
      this.declared = label === '' ? undefined : label;
    }

    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
      this.chunks.push(chunk);
      done();
    }

    override _flush(done: TransformCallback): void {
      const decoded = decodeText(Buffer.concat(this.chunks), this.declared);
      onPart({ declared: this.declared, usedCharset: decoded.usedCharset, problem: decoded.problem });
      done(null, Buffer.from(decoded.text, 'utf8'));
    }
  };
}
