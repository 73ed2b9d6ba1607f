import { ConfigError, type ServiceContext } from '@inquiry/api';
import { UsageError } from './command';

/**
 * Opens the service's database for a command. A bad setting (DB_URL, SECRET_KEY, …) is the
 * user's to fix, so it is printed as a usage error naming the variable, not as a stack trace.
 */
export async function openServiceContext(
  openContext: () => Promise<ServiceContext>,
): Promise<ServiceContext> {
  try {
    return await openContext();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
