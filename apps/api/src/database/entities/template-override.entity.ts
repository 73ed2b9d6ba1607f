import type { VariableType } from '@inquiry/templates';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, jsonColumn, LARGE_TEXT } from '../columns';

/**
 * A company's own text of a template in one locale, used instead of the shipped (or file)
 * text; deleting the row brings the default back.
 */
@Entity('template_overrides')
@Index('UQ_template_overrides_template_locale', ['templateId', 'locale'], { unique: true })
export class TemplateOverrideEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  templateId!: string;

  @Column({ type: 'varchar', length: 16 })
  locale!: string;

  @Column({ type: 'varchar', length: 1000 })
  subject!: string;

  @Column({ type: LARGE_TEXT })
  body!: string;

  @Column({ type: 'varchar', length: 200 })
  updatedBy!: string;

  @Column(dateColumn())
  updatedAt!: Date;
}

/** A template the company added itself: its variables, declared once for all its locales. */
@Entity('company_templates')
export class CompanyTemplateEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_company_templates_template', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  templateId!: string;

  @Column(jsonColumn())
  variables!: Record<string, VariableType>;

  @Column({ type: 'varchar', length: 200 })
  createdBy!: string;

  @Column(dateColumn())
  createdAt!: Date;

  @Column(dateColumn())
  updatedAt!: Date;
}
