/** The If-Match header of every write of a target (Swagger's description of it). */
export const IF_MATCH_HEADER = { name: 'If-Match', description: '项目的 ETag（"版本号"），缺少时 428，不符时 412', required: true };
