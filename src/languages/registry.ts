import type { LanguageSupport } from '../core/language';
import { cLanguage } from './c/index';
import { cppLanguage } from './cpp/index';
import { dotenvLanguage } from './dotenv/index';
import { iniLanguage } from './ini/index';
import { javascriptLanguage } from './javascript/index';
import { jsonLanguage } from './json/index';
import { kconfigLanguage } from './kconfig/index';
import { libconfigLanguage } from './libconfig/index';
import { pemLanguage } from './pem/index';
import { pythonLanguage } from './python/index';
import { typescriptLanguage } from './typescript/index';
import { yamlLanguage } from './yaml/index';

/**
 * Every input language, in match order: specific file names (sdkconfig, .env, keys, mender.conf)
 * before generic extensions.
 */
export const allLanguages: readonly LanguageSupport[] = [
  kconfigLanguage,
  dotenvLanguage,
  pemLanguage,
  jsonLanguage,
  libconfigLanguage,
  iniLanguage,
  yamlLanguage,
  cLanguage,
  cppLanguage,
  pythonLanguage,
  javascriptLanguage,
  typescriptLanguage,
];
