import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/domain-error';
import {
  applySamplePolicy,
  currencyDigits,
  type Money,
  money,
  MoneyError,
  type SampleOffer,
  type SampleRequestItem,
} from '@inquiry/templates';
import type { SampleOfferEntity, SamplePolicyEntity } from '../../database/entities';
import { effectiveTier } from '../inquiries/effective-triage';
import { DraftsService } from '../drafts/drafts.service';
import { asValidationError } from '../drafts/reply.errors';
import type {
  CreateSampleOfferDto,
  SampleOfferDto,
  SampleOfferResponseDto,
  SamplePolicyDto,
  SamplePolicyResponseDto,
} from './samples.dto';
import { sampleOfferDraft } from './sample-offer-draft.mapping';
import { SamplesRepository } from './samples.repository';

/** The company sample policy, and offers made from it for one inquiry at a time. */
@Injectable()
export class SamplesService {
  constructor(
    private readonly repository: SamplesRepository,
    private readonly drafts: DraftsService,
  ) {}

  async policy(): Promise<SamplePolicyResponseDto> {
    return toPolicyResponse(await this.requirePolicy());
  }

  async savePolicy(dto: SamplePolicyDto, rep: string): Promise<SamplePolicyResponseDto> {
    const saved = await this.repository.savePolicy({
      currency: dto.currency,
      freeUpToValue: dto.freeUpToValue,
      creditOnOrderOfAtLeast: dto.creditOnOrderOfAtLeast ?? null,
      requireVerifiedBuyer: dto.requireVerifiedBuyer,
      dispatchDays: dto.dispatchDays,
      updatedBy: rep,
      updatedAt: new Date(),
    });
    return toPolicyResponse(saved);
  }

  async offer(
    inquiryId: number,
    dto: CreateSampleOfferDto,
    rep: string,
  ): Promise<SampleOfferResponseDto> {
    const inquiry = await this.drafts.inquiry(inquiryId);
    // Samples are the classic bait of sample scams: the same rule as a sales reply.
    if (effectiveTier(inquiry) === 'D') {
      throw new DomainError(
        ErrorCode.NoSalesReply,
        `inquiry ${inquiryId} is tier D (${inquiry.verdict ?? 'suspicious'}): no samples are offered; if the buyer is genuine, mark the inquiry clean first`,
      );
    }
    const policy = await this.requirePolicy();
    // Policies saved before currencies were checked may hold "usd"; they keep working.
    const currency = policy.currency.toUpperCase();
    // The offer mail is signed by the rep: without a signature there would be an offer and no mail.
    await this.drafts.profileOf(rep);
    let freeUpTo: Money;
    let requested: SampleRequestItem[];
    let offer: SampleOffer;
    try {
      freeUpTo = money(policy.freeUpToValue, currency);
      requested = dto.items.map((item) => ({
        ...item,
        unitValue: money(item.unitValue, currency),
      }));
      offer = applySamplePolicy(
        {
          currency,
          freeUpToValue: freeUpTo,
          ...(policy.creditOnOrderOfAtLeast === null
            ? {}
            : { paid: { creditOnOrderOfAtLeast: policy.creditOnOrderOfAtLeast } }),
          requireVerifiedBuyer: policy.requireVerifiedBuyer,
        },
        {
          items: requested,
          buyerVerified: dto.buyerVerified,
          ...(dto.buyerCourierAccount
            ? { buyerCourierAccount: { ...dto.buyerCourierAccount } }
            : {}),
          ...(dto.buyerRefusesFreight ? { buyerRefusesFreight: true } : {}),
        },
      );
    } catch (error) {
      // Item values are checked decimals: money only fails on a policy saved before currencies were checked.
      if (error instanceof MoneyError) {
        throw new DomainError(
          ErrorCode.SamplePolicyMissing,
          `the sample policy cannot price samples (${error.message}): set it again with PUT /api/sample-policy`,
        );
      }
      throw asValidationError(error);
    }
    const digits = currencyDigits(currency);
    const stored = await this.repository.insertOffer({
      inquiryId,
      kind: offer.kind,
      reason: offer.reason,
      items: offer.items.map((item) => ({ ...item, unitValue: item.unitValue.amount.toFixed() })),
      currency,
      sampleValue: offer.sampleValue.amount.toFixed(digits),
      fee: offer.fee.amount.toFixed(digits),
      freightPayer: offer.freight?.payer ?? null,
      courier: offer.freight?.carrier ?? null,
      courierAccount: offer.freight?.accountNumber ?? null,
      creditOnOrderOfAtLeast: offer.credit?.onOrderOfAtLeast ?? null,
      createdBy: rep,
      createdAt: new Date(),
    });
    const draft = await this.drafts.create({
      inquiryId,
      kind: 'sample-offer',
      locale: dto.locale,
      sampleOfferId: stored.id,
      rep,
      ...sampleOfferDraft(offer, requested, { freeUpTo, dispatchDays: policy.dispatchDays }),
    });
    return { offer: toOfferResponse(stored), draft };
  }

  async get(id: number): Promise<SampleOfferDto> {
    const offer = await this.repository.findOffer(id);
    if (!offer)
      throw new DomainError(ErrorCode.SampleOfferNotFound, `sample offer ${id} does not exist`);
    return toOfferResponse(offer);
  }

  private async requirePolicy(): Promise<SamplePolicyEntity> {
    const policy = await this.repository.policy();
    if (!policy) {
      throw new DomainError(
        ErrorCode.SamplePolicyMissing,
        'no sample policy yet: set it with PUT /api/sample-policy',
      );
    }
    return policy;
  }
}

function toPolicyResponse(policy: SamplePolicyEntity): SamplePolicyResponseDto {
  return {
    currency: policy.currency,
    freeUpToValue: policy.freeUpToValue,
    creditOnOrderOfAtLeast: policy.creditOnOrderOfAtLeast,
    requireVerifiedBuyer: policy.requireVerifiedBuyer,
    dispatchDays: policy.dispatchDays,
    updatedBy: policy.updatedBy,
    updatedAt: policy.updatedAt,
  };
}

function toOfferResponse(offer: SampleOfferEntity): SampleOfferDto {
  return {
    id: offer.id,
    inquiryId: offer.inquiryId,
    kind: offer.kind,
    reason: offer.reason,
    items: offer.items,
    currency: offer.currency,
    sampleValue: offer.sampleValue,
    fee: offer.fee,
    freightPayer: offer.freightPayer,
    courier: offer.courier,
    courierAccount: offer.courierAccount,
    creditOnOrderOfAtLeast: offer.creditOnOrderOfAtLeast,
    createdBy: offer.createdBy,
    createdAt: offer.createdAt,
  };
}
