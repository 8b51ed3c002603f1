/**
 * Values that are placeholders, not secrets: vendor examples ("mypassword", "Paste … here"),
 * template markers (`<…>`, `${…}`, `{{…}}`, `YOUR_…`), masks (`xxxx`, `****`) and empty strings.
 */

const PLACEHOLDER_WORDS = new Set([
  '', 'changeme', 'change_me', 'change-me', 'changeit', 'replaceme', 'replace_me', 'replace-me', 'todo', 'tbd', 'fixme',
  'password', 'passwd', 'secret', 'token', 'apikey', 'api_key', 'your_password', 'yourpassword', 'mypassword', 'my_password',
  'dummy', 'placeholder', 'example', 'sample', 'none', 'null', 'nil', 'undefined', 'default', 'redacted', 'hidden',
  'your-password', 'your_wifi_password', 'your_ssid', 'wifi_password', 'mqtt_password', 'ssid', 'pass', 'pwd', 'psk',
  'xxx', 'n/a', 'na', 'empty', 'test', 'testing', 'foo', 'bar', 'foobar', 'abc', 'secret123',
]);

const PLACEHOLDER_SHAPES: readonly RegExp[] = [
  /^<[^<>]{0,80}>$/,                 // <your password>
  /^\[[^[\]]{0,80}\]$/,              // [device connection string]
  /^\$\{[^{}]{0,80}\}$/,             // ${WIFI_PASSWORD}
  /^\$\([^()]{0,80}\)$/,             // $(WIFI_PASSWORD)
  /^\{\{[^{}]{0,80}\}\}$/,           // {{ wifi_password }}
  /^%[sd]$|^%\([a-z_]{1,40}\)s$/i,    // printf/format markers
  /^(your|my|enter|insert|paste|put|add|set)[ _-]/i,   // YOUR_PASSWORD, "Paste your token here"
  /^(.)\1{2,}$/,                     // xxxx, ****, 0000, ....
  /(^|[_-])(here|placeholder|changeme|replace[_-]?me)$/i,
  /^x{2,}(?:[-_]x*)?$/i,
];

/** True if `value` is a placeholder (built-in list plus config `placeholders`). */
export function isPlaceholder(value: string, extraWords: readonly string[] = []): boolean {
  const v = value.trim().toLowerCase();
  if (v.length < 3) return true;
  if (PLACEHOLDER_WORDS.has(v) || extraWords.includes(v)) return true;
  return PLACEHOLDER_SHAPES.some((re) => re.test(v));
}
