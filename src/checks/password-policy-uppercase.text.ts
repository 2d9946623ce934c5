import { characterKindText } from './lib/password-policy.js';

export const text = characterKindText({
  en: { one: 'uppercase letter', many: 'uppercase letters' },
  nl: { one: 'hoofdletter', many: 'hoofdletters' },
});
