import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { idPipe } from '../../common/validation';
import { type Download, MessagesService } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get(':id/raw')
  // Mail content is hostile by default: never let a browser sniff it into something executable.
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiProduces('message/rfc822')
  @ApiOkResponse({ description: 'The raw RFC 822 message exactly as received' })
  async raw(@Param('id', idPipe()) id: number): Promise<StreamableFile> {
    return toFile(await this.messages.raw(id));
  }

  @Get(':id/attachments/:sha256')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'One attachment, by the SHA-256 listed in the inquiry' })
  async attachment(
    @Param('id', idPipe()) id: number,
    @Param('sha256') sha256: string,
  ): Promise<StreamableFile> {
    return toFile(await this.messages.attachment(id, sha256));
  }
}

function toFile(download: Download): StreamableFile {
  return new StreamableFile(download.content, {
    type: download.contentType,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(download.filename)}`,
    length: download.content.length,
  });
}
