/** The S3 notification rules of the scan function (serverless.yml params uploadsPrefix/uploadsSuffix). */
export const UPLOADS_PREFIX = 'loans/';
export const UPLOADS_SUFFIX = '.pdf';

/** True when S3 would notify the scan function for `key`. */
export const matchesUploadRules = (key: string): boolean => key.startsWith(UPLOADS_PREFIX) && key.endsWith(UPLOADS_SUFFIX);
