import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { type ImportReport, ImportsService } from '../imports/imports.service';
import { DemoRepository } from './demo.repository';

/**
 * The bundled demo inbox (apps/api/demo/*.eml, all marked `X-Inquiry-Demo: 1` and sent from
 * reserved example domains) lets a newcomer see triaged inquiries on first start.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    private readonly repository: DemoRepository,
    private readonly imports: ImportsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Imports the demo inbox into a database nobody has used yet. Once a token or mailbox
   * exists (as it must for anyone who removed the demo), it is never imported again.
   */
  async seedIfPristine(): Promise<ImportReport | null> {
    if (!this.config.demoInbox || !(await this.repository.isPristine())) return null;
    const report = await this.imports.importPath(this.config.demoDir, { demo: true });
    this.logger.log(
      `Imported the demo inbox: ${report.inquiries} inquiries (remove with DELETE /api/demo, or set DEMO_INBOX=off before the first start)`,
    );
    return report;
  }

  async remove(): Promise<{ removedMessages: number }> {
    return { removedMessages: await this.repository.removeDemo() };
  }
}
