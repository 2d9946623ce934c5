import { characterKindText } from './lib/password-policy.js';

export const text = characterKindText({
  en: { one: 'number', many: 'numbers' },
  nl: { one: 'cijfer', many: 'cijfers' },
});
