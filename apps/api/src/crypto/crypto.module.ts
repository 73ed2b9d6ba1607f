import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { loadOrCreateKeyFile, SecretBox } from './secret-box';

@Global()
@Module({
  providers: [
    {
      provide: SecretBox,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) =>
        new SecretBox(config.secretKey ?? (await loadOrCreateKeyFile(config.secretKeyFile))),
    },
  ],
  exports: [SecretBox],
})
export class CryptoModule {}
