/** Input that is not an e-mail message at all; `reason` says why in words a user understands. */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';

  constructor(readonly reason: string) {
    super(`malformed message: ${reason}`);
  }
}
