/** Jest globalTeardown: stops the MariaDB that the matching globalSetup started. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.inquiryTestMariaDb?.stop();
  globalThis.inquiryTestMariaDb = undefined;
}
