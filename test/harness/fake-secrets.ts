import { randomBytes } from 'node:crypto';

/**
 * Secrets in the vendors' formats, random at every run and assembled from pieces, so the project's own
 * files hold no string a secret scanner would flag.
 */
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function random(length: number, alphabet = ALPHANUMERIC): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

export const fake = {
  entraClientSecret: () => `${random(3)}8${'Q~'}${random(31, `${ALPHANUMERIC}_~.-`)}`,
  storageKey: () => `${random(86, `${ALPHANUMERIC}+/`)}==`,
  github: () => `gh${'p_'}${random(36)}`,
  npm: () => `np${'m_'}${random(36)}`,
  openai: () => `s${'k-'}proj-${random(20)}${'T3Blbk'}FJ${random(20)}`,
  aws: () => `AK${'IA'}${random(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  slackWebhook: () => `https://hooks.${'slack'}.com/services/T${random(9, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/B${random(9, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/${random(24)}`,
  teamsWebhook: () => `https://contoso.${'webhook'}.office.com/webhookb2/${random(36)}@${random(36)}/IncomingWebhook/${random(32)}/${random(36)}`,
  privateKey: () => `-----BEGIN ${'PRIVATE'} KEY-----\n${random(64, `${ALPHANUMERIC}+/`)}\n${random(64, `${ALPHANUMERIC}+/`)}\n-----END ${'PRIVATE'} KEY-----`,
  sas: () => `?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&${'sig'}=${random(43, `${ALPHANUMERIC}%`)}%3D`,
  azureAiKey: () => random(32, '0123456789abcdef'),
  password: () => random(18, `${ALPHANUMERIC}!#`),
};
