import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ObjectBackend, StoredObject } from './object-storage';
import { PgBackend } from './pg-backend';
import { S3Backend, type S3Config } from './s3-backend';

/** The S3 configuration (null: files go to PostgreSQL), provided by EvidenceDataModule from the environment. */
export const ATTACHMENT_S3_CONFIG = Symbol('ATTACHMENT_S3_CONFIG');

/** New files go to the configured store; a file is read from where its row says it is (rows of either kind may coexist). */
@Injectable()
export class AttachmentBackends {
  readonly pg: PgBackend;
  readonly s3: S3Backend | null;

  constructor(dataSource: DataSource, @Inject(ATTACHMENT_S3_CONFIG) s3: S3Config | null) {
    this.pg = new PgBackend(dataSource);
    this.s3 = s3 ? new S3Backend(s3) : null;
  }

  get current(): ObjectBackend {
    return this.s3 ?? this.pg;
  }

  of(obj: StoredObject): ObjectBackend {
    if (obj.storage === 'pg') return this.pg;
    if (!this.s3) throw new Error(`attachment ${obj.id} is in the S3 store, which is not configured (ATTACHMENT_S3_ENDPOINT)`);
    return this.s3;
  }
}
