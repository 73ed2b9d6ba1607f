import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyTemplateEntity, TemplateOverrideEntity } from '../../database/entities';

@Injectable()
export class TemplatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get overrides() {
    return this.dataSource.getRepository(TemplateOverrideEntity);
  }

  private get companyTemplates() {
    return this.dataSource.getRepository(CompanyTemplateEntity);
  }

  allOverrides(): Promise<TemplateOverrideEntity[]> {
    return this.overrides.find({ order: { templateId: 'ASC', locale: 'ASC' } });
  }

  allCompanyTemplates(): Promise<CompanyTemplateEntity[]> {
    return this.companyTemplates.find({ order: { templateId: 'ASC' } });
  }

  /**
   * Changes whenever a row is added, changed or removed, so every instance of the service
   * notices another one's edit without being told.
   */
  async version(): Promise<string> {
    const parts = await Promise.all(
      [this.overrides, this.companyTemplates].map((repository) =>
        repository
          .createQueryBuilder('t')
          .select('COUNT(*)', 'count')
          .addSelect('MAX(t.id)', 'maxId')
          .addSelect('MAX(t.updated_at)', 'updated')
          .getRawOne<{ count: unknown; maxId: unknown; updated: unknown }>(),
      ),
    );
    return JSON.stringify(parts);
  }

  /** Saves the text (and, for a company template, its variables) in one transaction. */
  async save(
    text: Omit<TemplateOverrideEntity, 'id'>,
    companyTemplate: Omit<CompanyTemplateEntity, 'id' | 'createdAt' | 'createdBy'> | null,
    rep: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (companyTemplate) {
        const templates = manager.getRepository(CompanyTemplateEntity);
        const existing = await templates.findOneBy({ templateId: companyTemplate.templateId });
        await templates.save(
          existing
            ? { ...existing, ...companyTemplate }
            : templates.create({ ...companyTemplate, createdBy: rep, createdAt: text.updatedAt }),
        );
      }
      const overrides = manager.getRepository(TemplateOverrideEntity);
      const existing = await overrides.findOneBy({
        templateId: text.templateId,
        locale: text.locale,
      });
      await overrides.save(existing ? { ...existing, ...text } : overrides.create(text));
    });
  }

  /** Removes the text; a company template left without any text goes with it. */
  async remove(templateId: string, locale: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const overrides = manager.getRepository(TemplateOverrideEntity);
      const result = await overrides.delete({ templateId, locale });
      if ((result.affected ?? 0) === 0) return false;
      if ((await overrides.countBy({ templateId })) === 0) {
        await manager.getRepository(CompanyTemplateEntity).delete({ templateId });
      }
      return true;
    });
  }
}
