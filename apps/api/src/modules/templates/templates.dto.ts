import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECLARABLE_VARIABLE_TYPES, SUPPORTED_LOCALES } from '@inquiry/templates';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class PutTemplateTextDto {
  @ApiProperty({ example: 'Su pedido de {{product}}: oferta en camino' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  subject!: string;

  @ApiProperty({
    example:
      'Gracias por su interés en {{product}}. Le enviaremos la oferta para {{quantity}} unidades el {{quoteDate}}. ¿Nos confirma el puerto de destino?',
    description:
      'Greeting, closing and signature are added around it. Placeholders are `{{variable}}`, the buyer name `{{buyerName}}` and the signature `{{rep.name}}` etc.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  body!: string;

  @ApiPropertyOptional({
    type: Object,
    example: { booth: 'text', fairDate: 'date' },
    description: `Only for a template the company adds: its variables and their types (${DECLARABLE_VARIABLE_TYPES.join(', ')}). Required for a new key, omitted for shipped ones.`,
  })
  @IsOptional()
  @IsObject()
  // As sent: class-transformer's copy drops keys such as "toString", which the name check refuses.
  @Transform(({ obj }: { obj: Record<string, unknown> }) => obj.variables)
  variables?: Record<string, string>;
}

export class ListTemplatesQueryDto {
  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, description: 'Only the texts in this locale' })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: string;
}

export class TemplateVariableDto {
  @ApiProperty({ example: 'product' }) name!: string;
  @ApiProperty({ enum: ['text', 'integer', 'money', 'date', 'signature'] }) type!: string;
}

export class TemplateTextDto {
  @ApiProperty({ example: 'es' }) locale!: string;
  @ApiProperty({ enum: ['ltr', 'rtl'] }) dir!: 'ltr' | 'rtl';
  @ApiProperty({
    enum: ['shipped', 'file', 'company'],
    description: 'company: set through this API, removable with DELETE to restore the default',
  })
  origin!: 'shipped' | 'file' | 'company';
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) updatedAt!: Date | null;
}

export class TemplateResponseDto {
  @ApiProperty({ example: 'first-reply' }) key!: string;
  @ApiProperty({
    enum: ['shipped', 'file', 'company'],
    description: 'Where the template is defined (its variables come from there)',
  })
  origin!: 'shipped' | 'file' | 'company';
  @ApiProperty({ type: [TemplateVariableDto], description: 'Variables the template declares' })
  variables!: TemplateVariableDto[];
  @ApiProperty({
    type: [String],
    example: ['{{product}}', '{{buyerName}}', '{{rep.name}}'],
    description: 'Every placeholder a text of this template may use',
  })
  placeholders!: string[];
  @ApiProperty({ type: [TemplateTextDto], description: 'Locales with a text of their own' })
  texts!: TemplateTextDto[];
}
