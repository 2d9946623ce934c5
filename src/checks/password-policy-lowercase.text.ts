import { characterKindText } from './lib/password-policy.js';

export const text = characterKindText({
  en: { one: 'lowercase letter', many: 'lowercase letters' },
  nl: { one: 'kleine letter', many: 'kleine letters' },
});
