import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'casetrail:public';

/** Marks a route that needs no token (health checks only). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
