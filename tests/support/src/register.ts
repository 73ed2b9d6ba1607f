/**
 * `node -r @inquiry/test-support/register entry.ts`: runs TypeScript sources directly (SWC,
 * decorators and their metadata from the tsconfig.json of the working directory), so
 * integration tests and benchmarks start real processes from the code under test rather
 * than from a build that may be stale.
 */
import '@swc-node/register';
