import { z } from 'zod';
import { commonConfig, positiveInt, type ConfigSpec } from '@sfc/shared';

/** Environment of the reporting service; adapters are picked from SQL_ENGINE and OBJECT_STORE. */
export const rptConfig = {
  ...commonConfig,
  SQL_ENGINE: { schema: z.enum(['duckdb', 'athena']), default: 'duckdb', doc: 'KPI engine: `duckdb` over the local lake or `athena` over the Glue tables.' },
  LAKE_BUCKET: { schema: z.string().min(1), default: 'lake', doc: 'Bucket of the data lake (`processed/` transactions, `compliance/` findings, `labels/` labels).' },
  REPORTS_BUCKET: { schema: z.string().min(1), default: 'reports', doc: 'Bucket the dashboard is written to.' },
  REPORT_KEY: { schema: z.string().min(1), default: 'dashboard.html', doc: 'Object key of the dashboard in REPORTS_BUCKET.' },
  REPORT_WINDOW_HOURS: { schema: positiveInt, default: '24', doc: 'Hours of data (ending now) the dashboard covers.' },
  GLUE_DATABASE: { schema: z.string(), default: 'sfc_lake', doc: 'Glue database holding the lake tables (athena engine).' },
  ATHENA_WORKGROUP: { schema: z.string(), default: 'sfc-reports', doc: 'Athena workgroup; its result location is encrypted (athena engine).' },
  ATHENA_POLL_MS: { schema: positiveInt, default: '500', doc: 'Interval between Athena query status polls.' },
} satisfies ConfigSpec;
