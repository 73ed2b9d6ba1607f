import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type NormalisedMessage, parseMessage } from '@inquiry/mail';
import {
  combineTokenModels,
  shippedTokenModel,
  type TokenModel,
  trainTokenModel,
} from '@inquiry/triage';
import { PeriodicTask } from '../../common/periodic-task';
import { AppConfig } from '../../config/app-config';
import { BlobStore } from '../../storage/blob-store';
import { TriageRepository } from './triage.repository';

/** How often the labels are checked for changes: a burst of overrides retrains once. */
const REFRESH_INTERVAL_MS = 60_000;
/** Newest labels of each kind trained on, which bounds the memory and time of a training. */
const MAX_LABELS = 3_000;

/**
 * The token model triage uses: the one shipped with @inquiry/triage (trained on the project's
 * labelled corpora), refined by the team's own verdicts, whose counts add to the shipped ones,
 * so a handful of labels adjusts it without having to relearn what spam looks like. The team's
 * part is held in memory only (rebuilt from the raw messages, never stored). Labels are reps' overrides, and `clean` for inquiries the team
 * answered: replying is a rep judging the mail real, and without those the model would see
 * almost only suspicious mail and take ordinary trade wording for a spam sign. Rejecting is not
 * a label, since reps reject real but unwanted inquiries too.
 *
 * Every process checks the labels itself, so a sync worker picks up overrides made through
 * another process's API.
 */
@Injectable()
export class TokenModelService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TokenModelService.name);
  private model?: TokenModel;
  private signature?: string;
  private refreshing?: Promise<void>;
  private first?: Promise<void>;
  private readonly schedule = new PeriodicTask(
    () => this.refresh(),
    () => undefined, // refresh() reports its own failures
  );

  constructor(
    private readonly repository: TriageRepository,
    private readonly blobs: BlobStore,
    private readonly appConfig: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.first = this.refresh();
    this.schedule.start(REFRESH_INTERVAL_MS, { runNow: false });
  }

  onModuleDestroy(): Promise<void> {
    return this.schedule.stop();
  }

  /** The model as of the last check; waits only for the first training after boot. */
  async current(): Promise<TokenModel> {
    await this.first;
    return this.model ?? shippedTokenModel();
  }

  /** Retrains when the labels changed since the last check; concurrent calls share one run. */
  refresh(): Promise<void> {
    this.refreshing ??= this.retrainIfChanged()
      .catch((error: unknown) =>
        this.logger.warn(
          `token model not refreshed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  private async retrainIfChanged(): Promise<void> {
    const signature = await this.repository.labelSignature();
    if (signature === this.signature) return;
    const rows = await this.repository.trainingRows(MAX_LABELS);
    const examples: Array<{ message: NormalisedMessage; label: string }> = [];
    if (rows.length >= this.appConfig.triageMinLabels) {
      for (const row of rows) {
        try {
          examples.push({
            message: await parseMessage(await this.blobs.get(row.rawSha256)),
            label: row.label,
          });
        } catch (error) {
          this.logger.warn(
            `labelled message ${row.rawSha256} skipped: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    }
    const classes = new Set(examples.map((example) => example.label));
    // The shipped model knows every class, so labels of one class alone still refine it.
    this.model =
      examples.length >= this.appConfig.triageMinLabels
        ? combineTokenModels(shippedTokenModel(), trainTokenModel(examples))
        : undefined;
    this.signature = signature;
    if (this.model)
      this.logger.log(
        `token model refined with ${examples.length} labelled messages (${[...classes].join(', ')})`,
      );
  }
}
