import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError, ApiErrorDetail } from '@pt/shared/contracts';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  428: 'PRECONDITION_REQUIRED',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: '请求参数有误',
  401: '未登录或登录已过期',
  403: '无权执行此操作',
  404: '未找到或无权查看',
  405: '不支持的请求方法',
  409: '当前状态不允许此操作',
  412: '数据已被他人修改，请刷新后重试',
  413: '请求内容过大',
  415: '不支持的内容类型',
  422: '请求不符合业务规则',
  428: '缺少 If-Match 请求头',
  429: '请求过于频繁',
  503: '服务暂不可用（数据库不可用），请稍后重试',
};

/** PostgreSQL error classes caused by bad input → 400 (never a 5xx). */
const PG_INPUT_ERRORS: Record<string, string> = {
  '22P02': '数据格式不正确',
  '22001': '文本过长',
  '22003': '数值超出范围',
  '22007': '日期时间格式不正确',
  '22008': '日期时间超出范围',
  '22021': '文本含有非法字符',
  '22023': '参数值不正确',
  '23502': '缺少必填数据',
  '23503': '引用的数据不存在',
  '23505': '数据重复',
  '23514': '数据不符合约束',
};

const CONNECTION_ERRORS = new Set(['57P01', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/** Structured body for an HttpException thrown anywhere in the app. */
export class ApiHttpException extends HttpException {
  constructor(status: number, code: string, message: string, details?: ApiErrorDetail[]) {
    super({ statusCode: status, code, message, details } satisfies ApiError, status);
  }
}

export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  if (!err) return false;
  if (err.code && CONNECTION_ERRORS.has(err.code)) return true;
  const m = err.message ?? '';
  // a transaction whose connection broke: TypeORM released its query runner, the next query (or the COMMIT) says so
  const name = (e as Error).name;
  if (name === 'QueryRunnerProviderAlreadyReleasedError' || name === 'QueryRunnerAlreadyReleasedError') return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection due to|the database system is (starting up|shutting down|in recovery mode)/i.test(m);
}

/** Every error answer has the contract's shape; no stack trace or SQL ever leaves the server. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === 503) {
      // the database is away: one line, no stack (the pool reconnects by itself)
      this.logger.warn({ msg: 'database unavailable', error: (exception as Error)?.message ?? String(exception) });
    } else if (body.statusCode >= 500) {
      const e = exception as Error;
      this.logger.error(e?.message ?? String(exception), e?.stack);
    }
    if (res.headersSent) return;
    // an error is JSON even where a file was about to go out (res.json keeps a Content-Type already set)
    res.removeHeader('Content-Disposition');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ApiError {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const r = exception.getResponse();
      if (typeof r === 'object' && r !== null && 'code' in r && 'message' in r) return r as ApiError;
      return {
        statusCode: status,
        code: CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'ERROR'),
        message: MESSAGE_BY_STATUS[status] ?? (status >= 500 ? '服务器内部错误' : '请求失败'),
      };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code ?? '';
      const msg = PG_INPUT_ERRORS[code];
      if (msg) {
        const status = code === '23505' ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return { statusCode: status, code: status === 409 ? 'DUPLICATE' : 'VALIDATION_FAILED', message: msg };
      }
    }
    if (isConnectionError(exception) || isConnectionError((exception as QueryFailedError)?.driverError)) {
      return { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: MESSAGE_BY_STATUS[503] };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误' };
  }
}
