/** Shape of every error answer of the API (see shared/domain/api-contract.md). */
export interface ApiErrorDetail {
  field: string;
  message: string;
  code?: string;
}

export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  details?: ApiErrorDetail[];
}
