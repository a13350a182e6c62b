import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTrinoJava } from '../../../../scripts/trino/serverConfig.js';

/** A folder of fake JDKs: each with bin/java and a release file naming its version. */
function jvmDir(versions: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rpt-jvm-'));
  for (const [name, version] of Object.entries(versions)) {
    mkdirSync(join(dir, name, 'bin'), { recursive: true });
    writeFileSync(join(dir, name, 'bin', 'java'), '');
    writeFileSync(join(dir, name, 'release'), `IMPLEMENTOR="Test"\nJAVA_VERSION="${version}"\n`);
  }
  return dir;
}

describe('Which Java runs Trino (scripts/trino/serverConfig.ts)', () => {
  it('picks the newest JDK >= 24 beside the system Java 17', () => {
    const dir = jvmDir({ 'java-17-openjdk-amd64': '17.0.15', 'temurin-25-jdk-amd64': '25.0.3', 'jdk-24': '24.0.1' });
    expect(findTrinoJava({}, dir)).toBe(join(dir, 'temurin-25-jdk-amd64', 'bin', 'java'));
  });

  it('fails naming the version it needs and TRINO_JAVA_HOME when only Java 17 is there', () => {
    const dir = jvmDir({ 'java-17-openjdk-amd64': '17.0.15' });
    expect(() => findTrinoJava({}, dir)).toThrow(/needs Java 24 or newer.*TRINO_JAVA_HOME/);
  });

  it('TRINO_JAVA_HOME wins, and is refused when too old or not a JDK', () => {
    const dir = jvmDir({ new: '25', old: '21.0.2' });
    expect(findTrinoJava({ TRINO_JAVA_HOME: join(dir, 'new') }, '/nowhere')).toBe(join(dir, 'new', 'bin', 'java'));
    expect(() => findTrinoJava({ TRINO_JAVA_HOME: join(dir, 'old') }, dir)).toThrow(/is Java 21; Trino 476 needs Java 24/);
    expect(() => findTrinoJava({ TRINO_JAVA_HOME: join(dir, 'none') }, dir)).toThrow(/is not a JDK/);
  });
});
