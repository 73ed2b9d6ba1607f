import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { CreateImportDto, ImportReportDto } from './imports.dto';
import { ImportsService } from './imports.service';

const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @UseInterceptors(
    FileInterceptor('file', { dest: tmpdir(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }),
  )
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    description:
      'Either JSON `{ "path": ... }` naming a server-side source, or a multipart upload of one .eml or mbox file as `file`.',
    schema: {
      oneOf: [
        { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
        {
          type: 'object',
          properties: { file: { type: 'string', format: 'binary' } },
          required: ['file'],
        },
      ],
    },
  })
  @ApiCreatedResponse({ type: ImportReportDto })
  async create(
    @Body() body: CreateImportDto,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<ImportReportDto> {
    if (file && body.path) {
      await rm(file.path, { force: true });
      throw new DomainError(ErrorCode.ValidationFailed, 'give either a path or a file, not both', [
        { field: 'path', reason: 'must be omitted when a file is uploaded' },
      ]);
    }
    if (file) {
      try {
        return await this.imports.importPath(file.path, {
          sourceLabel: `upload:${file.originalname}`,
        });
      } finally {
        await rm(file.path, { force: true });
      }
    }
    if (!body.path) {
      throw new DomainError(ErrorCode.ValidationFailed, 'path or file is required', [
        { field: 'path', reason: 'path or an uploaded file is required' },
      ]);
    }
    return this.imports.importServerPath(body.path);
  }
}
