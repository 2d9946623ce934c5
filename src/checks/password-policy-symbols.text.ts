import { characterKindText } from './lib/password-policy.js';

export const text = characterKindText({
  en: { one: 'symbol', many: 'symbols' },
  nl: { one: 'symbool', many: 'symbolen' },
});
