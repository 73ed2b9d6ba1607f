import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'inquiry:public';

/** Opens a route to requests without a bearer token (health checks only). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
