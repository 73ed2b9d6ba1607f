import { Injectable } from '@nestjs/common';
import {
  ForbiddenPhraseChecker,
  type ForbiddenPhraseHit,
  localeDirection,
  resolveLocale,
  type Signature,
} from '@inquiry/templates';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { validationError } from '../../common/validation';
import type {
  DraftAttachment,
  DraftEntity,
  DraftKind,
  SenderProfileEntity,
} from '../../database/entities';
import { effectiveTier } from '../inquiries/effective-triage';
import {
  chooseTemplate,
  productFromSubject,
  readInquiryContent,
  type TemplateChoice,
} from './draft-choice';
import { loadVariables, storeVariables } from './draft-variables';
import type {
  ApproveDraftDto,
  DraftResponseDto,
  ProposeDraftDto,
  SenderProfileDto,
  SenderProfileResponseDto,
  UpdateDraftDto,
} from './drafts.dto';
import { OfficeCalendar } from '../calendar/office-calendar';
import { TemplatesService } from '../templates/templates.service';
import { DraftsRepository, type InquiryForReply } from './drafts.repository';
import {
  recipientKey,
  type RecipientWarning,
  recipientWarnings,
  replyRecipient,
} from './reply-recipient';
import { asValidationError } from './reply.errors';

/** A draft another feature prepares: a sample offer or a quotation's cover mail. */
export interface NewDraft {
  inquiryId: number;
  kind: DraftKind;
  templateId: string;
  /** Template variables other than the buyer's name and the signature, which are filled in here. */
  variables: Record<string, unknown>;
  locale?: string;
  attachments?: DraftAttachment[];
  quoteId?: number;
  sampleOfferId?: number;
  rep: string;
}

/** A new or edited draft: no approval, override or recipient confirmation carries over to it. */
const UNAPPROVED = {
  status: 'editing',
  approvedBy: null,
  approvedAt: null,
  overrideBy: null,
  overrideAt: null,
  overrideReason: null,
  recipientConfirmed: null,
  recipientConfirmedBy: null,
  recipientConfirmedAt: null,
} as const satisfies Partial<DraftEntity>;

/**
 * Drafts in the buyer's language: proposes one from the inquiry, lets the rep edit and
 * switch language, checks every save for forbidden phrases and guards approval.
 */
@Injectable()
export class DraftsService {
  private readonly checker = new ForbiddenPhraseChecker();

  constructor(
    private readonly repository: DraftsRepository,
    private readonly templates: TemplatesService,
    private readonly calendar: OfficeCalendar,
  ) {}

  async propose(inquiryId: number, dto: ProposeDraftDto, rep: string): Promise<DraftResponseDto> {
    const inquiry = await this.inquiry(inquiryId);
    const message = inquiry.message;
    const reading = readInquiryContent(message.subject, message.text);
    let choice: TemplateChoice | undefined;
    if (!dto.templateId) {
      const chosen = chooseTemplate(effectiveTier(inquiry), reading);
      if (!chosen) {
        throw new DomainError(
          ErrorCode.NoSalesReply,
          `inquiry ${inquiryId} is tier D (${inquiry.verdict ?? 'suspicious'}): no sales reply is proposed; pick a template explicitly to answer anyway`,
        );
      }
      choice = chosen;
    }
    const templateId = dto.templateId ?? choice!.templateId;
    const product = productFromSubject(message.subject);
    const inferred: Record<string, unknown> = {
      product,
      topic: product,
      quantity: reading.quantity ?? undefined,
      quoteDate: this.calendar.nextWorkingDay(new Date()),
      answerBy: this.calendar.nextWorkingDay(new Date()),
    };
    const declared = await this.declaredVariables(templateId);
    // A value the rep gave for a template they named must land in it: a misspelt name would
    // otherwise vanish and the text go out without it. With the template left to us, values
    // meant for the other candidates are passed over.
    const unknown = dto.templateId
      ? Object.keys(dto.variables ?? {}).filter((name) => !declared.has(name))
      : [];
    if (unknown.length > 0)
      throw validationError(
        unknown.map((name) => ({
          field: `variables.${name}`,
          reason: `is not a variable of template ${templateId} (it has ${[...declared].join(', ')})`,
        })),
      );
    const variables = Object.fromEntries(
      Object.entries({ ...inferred, ...dto.variables }).filter(
        ([name, value]) => declared.has(name) && value !== undefined,
      ),
    );
    const draft = await this.create({
      inquiryId,
      kind: 'reply',
      templateId,
      variables,
      locale: dto.locale,
      rep,
    });
    return choice ? { ...draft, choice } : draft;
  }

  async create(input: NewDraft): Promise<DraftResponseDto> {
    const inquiry = await this.inquiry(input.inquiryId);
    const locale = input.locale ?? this.buyerLocale(inquiry);
    const stored = storeVariables(input.variables);
    const rendered = await this.render(input.templateId, locale, stored, inquiry, input.rep);
    const now = new Date();
    const draft = await this.repository.insertDraft({
      inquiryId: input.inquiryId,
      kind: input.kind,
      templateId: input.templateId,
      variables: stored,
      locale: rendered.locale,
      subject: rendered.subject,
      text: rendered.text,
      attachments: input.attachments ?? [],
      flags: this.check(rendered.subject, rendered.text, rendered.locale),
      ...UNAPPROVED,
      quoteId: input.quoteId ?? null,
      sampleOfferId: input.sampleOfferId ?? null,
      createdBy: input.rep,
      createdAt: now,
      updatedAt: now,
    });
    return toResponse(draft, inquiry);
  }

  async get(id: number): Promise<DraftResponseDto> {
    const draft = await this.find(id);
    return toResponse(draft, await this.inquiry(draft.inquiryId));
  }

  async list(inquiryId: number): Promise<DraftResponseDto[]> {
    const inquiry = await this.inquiry(inquiryId);
    return (await this.repository.draftsOf(inquiryId)).map((draft) => toResponse(draft, inquiry));
  }

  /** Any edit withdraws approval: what was approved is no longer what would be sent. */
  async update(id: number, dto: UpdateDraftDto, rep: string): Promise<DraftResponseDto> {
    const draft = await this.find(id);
    assertNotSent(draft);
    let { subject, text, locale } = draft;
    if (dto.locale !== undefined && dto.locale !== draft.locale) {
      const inquiry = await this.inquiry(draft.inquiryId);
      const rendered = await this.render(
        draft.templateId,
        dto.locale,
        draft.variables,
        inquiry,
        rep,
      );
      ({ subject, text, locale } = rendered);
    }
    subject = dto.subject ?? subject;
    text = dto.text ?? text;
    const changes: Partial<DraftEntity> = {
      subject,
      text,
      locale,
      flags: this.check(subject, text, locale),
      ...UNAPPROVED,
      updatedAt: new Date(),
    };
    if (!(await this.repository.updateUnsent(id, changes))) throw alreadySent(id);
    return this.get(id);
  }

  async approve(id: number, dto: ApproveDraftDto, rep: string): Promise<DraftResponseDto> {
    const draft = await this.find(id);
    assertNotSent(draft);
    if (draft.flags.length > 0 && !dto.overrideReason) {
      throw new DomainError(
        ErrorCode.DraftFlagged,
        `draft ${id} contains ${draft.flags.length} forbidden phrase(s); rewrite them or approve with an overrideReason`,
        [],
        draft.flags,
      );
    }
    const recipient = await this.recipientCheck(draft);
    if (recipient.warnings.length > 0 && dto.confirmRecipient === undefined) {
      throw new DomainError(
        ErrorCode.RecipientUnconfirmed,
        `draft ${id} would go to ${recipient.key}: ${recipient.warnings[0]!.message}`,
        [],
        recipient.warnings,
      );
    }
    if (dto.confirmRecipient !== undefined && !sameAddresses(dto.confirmRecipient, recipient.key)) {
      const reason = `must be the reply's recipients, ${recipient.key}`;
      throw new DomainError(ErrorCode.ValidationFailed, `confirmRecipient: ${reason}`, [
        { field: 'confirmRecipient', reason },
      ]);
    }
    const now = new Date();
    const confirmation =
      recipient.warnings.length > 0
        ? {
            recipientConfirmed: recipient.key,
            recipientConfirmedBy: rep,
            recipientConfirmedAt: now,
          }
        : { recipientConfirmed: null, recipientConfirmedBy: null, recipientConfirmedAt: null };
    const override =
      draft.flags.length > 0
        ? { overrideBy: rep, overrideAt: now, overrideReason: dto.overrideReason ?? null }
        : { overrideBy: null, overrideAt: null, overrideReason: null };
    const approved = await this.repository.updateUnsent(id, {
      status: 'approved',
      approvedBy: rep,
      approvedAt: now,
      ...override,
      ...confirmation,
      updatedAt: now,
    });
    if (!approved) throw alreadySent(id);
    return this.get(id);
  }

  /** The draft as it may be sent: approved, and flagged phrases overridden by someone. */
  async sendable(id: number): Promise<DraftEntity> {
    const draft = await this.find(id);
    if (draft.status === 'sent') return draft;
    if (draft.status !== 'approved') {
      throw new DomainError(
        ErrorCode.DraftNotApproved,
        `draft ${id} must be approved before it is sent`,
      );
    }
    if (draft.flags.length > 0 && !draft.overrideBy) {
      throw new DomainError(
        ErrorCode.DraftFlagged,
        `draft ${id} has flagged phrases and no recorded override`,
        [],
        draft.flags,
      );
    }
    const recipient = await this.recipientCheck(draft);
    if (recipient.warnings.length > 0 && draft.recipientConfirmed !== recipient.key) {
      throw new DomainError(
        ErrorCode.RecipientUnconfirmed,
        `draft ${id} would go to ${recipient.key}, which nobody has confirmed: ${recipient.warnings[0]!.message} Approve it again with confirmRecipient.`,
        [],
        recipient.warnings,
      );
    }
    return draft;
  }

  /** Where the reply goes and what the rep must confirm, from the inquiry as triaged now. */
  private async recipientCheck(
    draft: DraftEntity,
  ): Promise<{ key: string; warnings: RecipientWarning[] }> {
    const inquiry = await this.inquiry(draft.inquiryId);
    const recipient = replyRecipient(inquiry.message);
    return { key: recipientKey(recipient), warnings: recipientWarnings(inquiry, recipient) };
  }

  async senderProfile(rep: string): Promise<SenderProfileResponseDto> {
    return toProfileResponse(await this.profileOf(rep));
  }

  async saveSenderProfile(rep: string, dto: SenderProfileDto): Promise<SenderProfileResponseDto> {
    return toProfileResponse(await this.repository.saveSenderProfile({ rep, ...dto }));
  }

  /** The rep's profile; drafts, letterheads and From names all need it. */
  async profileOf(rep: string): Promise<SenderProfileEntity> {
    const profile = await this.repository.senderProfile(rep);
    if (!profile) {
      throw new DomainError(
        ErrorCode.SenderProfileMissing,
        `no signature for ${rep}: set it with PUT /api/sender-profile first`,
      );
    }
    return profile;
  }

  /** The buyer's language as a locale we write in, English when unknown. */
  buyerLocale(inquiry: Pick<InquiryForReply, 'language' | 'contact'>): string {
    const language = inquiry.language;
    if (!language || language === 'und') return resolveLocale(undefined);
    const country = inquiry.contact?.country;
    return resolveLocale(country ? `${language}-${country}` : language);
  }

  async inquiry(id: number): Promise<InquiryForReply> {
    const inquiry = await this.repository.inquiryForReply(id);
    if (!inquiry) throw new DomainError(ErrorCode.InquiryNotFound, `inquiry ${id} does not exist`);
    return inquiry;
  }

  async find(id: number): Promise<DraftEntity> {
    const draft = await this.repository.findDraft(id);
    if (!draft) throw new DomainError(ErrorCode.DraftNotFound, `draft ${id} does not exist`);
    return draft;
  }

  private async declaredVariables(templateId: string): Promise<Set<string>> {
    const catalog = await this.templates.catalog();
    try {
      return new Set(Object.keys(catalog.definition(templateId).variables));
    } catch (error) {
      throw asValidationError(error);
    }
  }

  private async render(
    templateId: string,
    locale: string,
    stored: Record<string, unknown>,
    inquiry: InquiryForReply,
    rep: string,
  ): Promise<{ locale: string; subject: string; text: string }> {
    const profile = await this.profileOf(rep);
    const signature: Signature = {
      name: profile.fullName,
      title: profile.title,
      company: profile.company,
      phone: profile.phone,
      email: profile.email,
      website: profile.website,
    };
    const catalog = await this.templates.catalog();
    try {
      const definition = catalog.definition(templateId);
      const rendered = catalog.render(templateId, locale, {
        ...loadVariables(definition, stored),
        buyerName: buyerName(inquiry),
        rep: signature,
      });
      return { locale: rendered.locale, subject: rendered.subject, text: rendered.text };
    } catch (error) {
      throw asValidationError(error);
    }
  }

  private check(subject: string, text: string, locale: string): ForbiddenPhraseHit[] {
    return this.checker.check(`${subject}\n\n${text}`, locale);
  }
}

/** Greet by name: the contact's, else the From display name, else the mailbox name. */
function buyerName(inquiry: InquiryForReply): string {
  const name = inquiry.contact?.name?.trim() || inquiry.message.fromName.trim();
  if (name) return name;
  return (inquiry.message.fromAddress ?? inquiry.contact?.address ?? 'customer').split('@')[0]!;
}

/** Whether two comma-separated lists name the same addresses, whatever their order and case. */
function sameAddresses(a: string, b: string): boolean {
  const set = (list: string): string =>
    [
      ...new Set(
        list
          .split(',')
          .map((address) => address.trim().toLowerCase())
          .filter((address) => address !== ''),
      ),
    ]
      .sort()
      .join(', ');
  return set(a) === set(b);
}

function assertNotSent(draft: DraftEntity): void {
  if (draft.status === 'sent') throw alreadySent(draft.id);
}

function alreadySent(id: number): DomainError {
  return new DomainError(
    ErrorCode.DraftAlreadySent,
    `draft ${id} has been sent and can no longer change`,
  );
}

function toResponse(draft: DraftEntity, inquiry: InquiryForReply): DraftResponseDto {
  const recipient = replyRecipient(inquiry.message);
  return {
    id: draft.id,
    inquiryId: draft.inquiryId,
    kind: draft.kind,
    templateId: draft.templateId,
    locale: draft.locale,
    dir: localeDirection(draft.locale),
    subject: draft.subject,
    text: draft.text,
    attachments: draft.attachments,
    flags: draft.flags.map(({ phrase, category, suggestion, match, index, locale }) => ({
      phrase,
      category,
      suggestion,
      match,
      index,
      locale,
    })),
    recipients: recipient.addresses,
    recipientSource: recipient.via,
    warnings: recipientWarnings(inquiry, recipient),
    recipientConfirmation:
      draft.recipientConfirmed && draft.recipientConfirmedBy && draft.recipientConfirmedAt
        ? {
            recipients: draft.recipientConfirmed,
            by: draft.recipientConfirmedBy,
            at: draft.recipientConfirmedAt,
          }
        : null,
    status: draft.status,
    approvedBy: draft.approvedBy,
    approvedAt: draft.approvedAt,
    override:
      draft.overrideBy && draft.overrideAt
        ? { by: draft.overrideBy, at: draft.overrideAt, reason: draft.overrideReason ?? '' }
        : null,
    quoteId: draft.quoteId,
    sampleOfferId: draft.sampleOfferId,
    createdBy: draft.createdBy,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
  };
}

function toProfileResponse(profile: SenderProfileEntity): SenderProfileResponseDto {
  return {
    rep: profile.rep,
    fullName: profile.fullName,
    title: profile.title,
    company: profile.company,
    phone: profile.phone,
    email: profile.email,
    website: profile.website,
    addressLines: profile.addressLines,
  };
}
