/**
 * Known cloud / service token formats. A format either identifies itself (`AKIA…`, `ghp_…`,
 * `aio_…`, a JWT) or needs a name hint next to it (a 32-character Blynk token is only a Blynk token
 * when bound to `BLYNK_AUTH_TOKEN`). All patterns are linear (no nested quantifiers).
 */

/** One token format. */
export interface TokenFormat {
  id: string;
  /** Human label for messages: "an AWS access key id". */
  label: string;
  /** Matches the token inside a longer string (self-identifying formats) or the whole value (hinted ones). */
  pattern: RegExp;
  /** When set, the value must be bound to a name matching this hint. */
  nameHint?: RegExp;
}

/** Formats that identify themselves anywhere in a string. */
export const SELF_IDENTIFYING: readonly TokenFormat[] = [
  { id: 'aws-access-key-id', label: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { id: 'github-token', label: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  { id: 'slack-token', label: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { id: 'adafruit-io-key', label: 'an Adafruit IO key', pattern: /\baio_[A-Za-z0-9]{28}\b/ },
  { id: 'google-api-key', label: 'a Google / Firebase API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/ },
  { id: 'telegram-bot-token', label: 'a Telegram bot token', pattern: /\b\d{8,10}:AA[0-9A-Za-z_-]{33}(?![0-9A-Za-z_-])/ },
  { id: 'jwt', label: 'a JSON Web Token', pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/ },
];

/** Formats that are only recognisable with a name hint. */
export const HINTED: readonly TokenFormat[] = [
  { id: 'blynk-auth-token', label: 'a Blynk auth token', pattern: /^[A-Za-z0-9_-]{32}$/, nameHint: /blynk/i },
  { id: 'thingspeak-api-key', label: 'a ThingSpeak API key', pattern: /^[A-Z0-9]{16}$/, nameHint: /thingspeak|(?:write|read)_?api_?key|channel_?(?:api_?)?key/i },
  { id: 'adafruit-io-key', label: 'an Adafruit IO key', pattern: /^[0-9a-f]{32}$/, nameHint: /aio_?key|adafruit|io_key/i },
  { id: 'particle-access-token', label: 'a Particle access token', pattern: /^[0-9a-f]{40}$/, nameHint: /particle/i },
];

/** Placeholder markers inside otherwise well-formed tokens (AWS's `AKIAIOSFODNN7EXAMPLE`). */
const FAKE = /example|sample|dummy|fake|test(?:ing)?key|x{6,}|0{12,}/i;

/** A token found in a string: the format and the match offsets within the string. */
export interface TokenMatch {
  format: TokenFormat;
  index: number;
  text: string;
}

/** Self-identifying tokens in `value` (first match per format). */
export function findTokens(value: string): TokenMatch[] {
  const out: TokenMatch[] = [];
  for (const format of SELF_IDENTIFYING) {
    const m = format.pattern.exec(value);
    if (m && !FAKE.test(m[0])) out.push({ format, index: m.index, text: m[0] });
  }
  return out;
}

/** A hinted format the whole `value` matches given the name it is bound to. */
export function hintedToken(name: string, value: string): TokenFormat | undefined {
  if (FAKE.test(value)) return undefined;
  return HINTED.find((f) => f.nameHint!.test(name) && f.pattern.test(value.trim()));
}

/** True when `value` (bound to `name`, if any) is a token `cloud-token` reports, so other rules skip it. */
export function isKnownToken(value: string, name = ''): boolean {
  return findTokens(value).length > 0 || (name !== '' && hintedToken(name, value) !== undefined) || parseAzureConnectionString(value) !== undefined;
}

/** Azure IoT connection-string fields, when `value` is one with a real-looking key or signature. */
export interface AzureConnection {
  /** The `SharedAccessKey` value or the `sig=` of a SAS token. */
  secret: string;
  /** Offset of the secret within the value. */
  index: number;
  /** `SharedAccessKeyName` (service-side policy), when present. */
  policy?: string;
}

const SAS_SIG = /SharedAccessSignature\s+sr=[^&\s]+&(?:[^&\s]+&)?sig=([^&\s]+)/;
const PLACEHOLDER_KEY = /^[<[{]|[>\]}]$|^\.\.\.|your|key_here|^x+$/i;

/** Parses `HostName=…;DeviceId=…;SharedAccessKey=…` and `SharedAccessSignature sr=…&sig=…`. */
export function parseAzureConnectionString(value: string): AzureConnection | undefined {
  if (value.includes('SharedAccessKey=') && value.includes('HostName=')) {
    const fields = new Map<string, { v: string; index: number }>();
    let offset = 0;
    for (const part of value.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq).trim(), { v: part.slice(eq + 1).trim(), index: offset + eq + 1 });
      offset += part.length + 1;
    }
    const key = fields.get('SharedAccessKey');
    if (key && key.v.length >= 16 && !PLACEHOLDER_KEY.test(key.v) && /^[A-Za-z0-9+/=]+$/.test(key.v)) {
      return { secret: key.v, index: key.index, policy: fields.get('SharedAccessKeyName')?.v };
    }
  }
  const sas = SAS_SIG.exec(value);
  if (sas && sas[1].length >= 16 && !PLACEHOLDER_KEY.test(sas[1])) {
    return { secret: sas[1], index: sas.index + sas[0].length - sas[1].length };
  }
  return undefined;
}

/** IoT Hub policies that must never reach a device (AZ-02). */
export const SERVICE_POLICIES = new Set(['iothubowner', 'service', 'registryreadwrite', 'registryread', 'provisioningserviceowner']);
