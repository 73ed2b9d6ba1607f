import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { idPipe } from '../../common/validation';
import { MailboxSyncService } from '../sync/mailbox-sync.service';
import { MailboxSyncStatusDto, SyncReportDto } from './mailbox-sync.dto';
import {
  ConnectionTestResponseDto,
  CreateMailboxDto,
  MailboxResponseDto,
  UpdateMailboxDto,
} from './mailboxes.dto';
import { MailboxesService } from './mailboxes.service';

@ApiTags('mailboxes')
@ApiBearerAuth()
@Controller('mailboxes')
export class MailboxesController {
  constructor(
    private readonly mailboxes: MailboxesService,
    private readonly sync: MailboxSyncService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [MailboxResponseDto] })
  list(): Promise<MailboxResponseDto[]> {
    return this.mailboxes.list();
  }

  @Post()
  @ApiCreatedResponse({ type: MailboxResponseDto })
  create(@Body() dto: CreateMailboxDto): Promise<MailboxResponseDto> {
    return this.mailboxes.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: MailboxResponseDto })
  get(@Param('id', idPipe()) id: number): Promise<MailboxResponseDto> {
    return this.mailboxes.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: MailboxResponseDto })
  update(
    @Param('id', idPipe()) id: number,
    @Body() dto: UpdateMailboxDto,
  ): Promise<MailboxResponseDto> {
    return this.mailboxes.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  delete(@Param('id', idPipe()) id: number): Promise<void> {
    return this.mailboxes.delete(id);
  }

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: ConnectionTestResponseDto,
    description: 'Signs in to IMAP (and SMTP when set) and reports',
  })
  test(@Param('id', idPipe()) id: number): Promise<ConnectionTestResponseDto> {
    return this.mailboxes.testConnection(id);
  }

  @Post(':id/sync')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: SyncReportDto,
    description: 'Runs one sync pass now and reports what it fetched',
  })
  syncNow(@Param('id', idPipe()) id: number): Promise<SyncReportDto> {
    return this.sync.syncNow(id);
  }

  @Get(':id/sync')
  @ApiOkResponse({
    type: MailboxSyncStatusDto,
    description: 'Sync health: last success, last error, counts',
  })
  syncStatus(@Param('id', idPipe()) id: number): Promise<MailboxSyncStatusDto> {
    return this.sync.getStatus(id);
  }
}
