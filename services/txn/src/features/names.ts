/** The model's inputs, in the order the ONNX model expects them. Bump FEATURE_VERSION on any change. */
export const FEATURE_NAMES = [
  'amount', 'log_amount', 'category', 'hour_of_day', 'ua_is_script', 'ua_is_mobile',
  'history_count', 'secs_since_last', 'count_1h', 'sum_1h', 'count_24h', 'sum_24h', 'count_7d', 'sum_7d',
  'amount_to_mean', 'amount_to_max', 'category_share', 'new_ip', 'new_user_agent', 'new_email', 'new_phone',
  'new_zip', 'distance_km', 'small_amount_count_1h',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export const FEATURE_VERSION = 'txn-features-v1';
export const FEATURE_COUNT = FEATURE_NAMES.length;
export const featureIndex = (name: FeatureName): number => FEATURE_NAMES.indexOf(name);
