/** The port of the broker the global setup started for this run; undefined when KAFKA_BROKERS was given. */
export const managedBrokerPort = (): number | undefined =>
  process.env.SFC_TEST_KAFKA_PORT ? Number(process.env.SFC_TEST_KAFKA_PORT) : undefined;
