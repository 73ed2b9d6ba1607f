import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { BlobStore, LocalBlobStore } from './blob-store';

@Global()
@Module({
  providers: [
    {
      provide: BlobStore,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new LocalBlobStore(config.blobDir),
    },
  ],
  exports: [BlobStore],
})
export class StorageModule {}
