import { defineText } from '../engine/text.js';

export const text = defineText({
  cli:
    'aws iam create-virtual-mfa-device --virtual-mfa-device-name {resourceName} --outfile {resourceName}-mfa.png --bootstrap-method QRCodePNG && ' +
    'aws iam enable-mfa-device --user-name {resourceName} --serial-number arn:{partition}:iam::{accountId}:mfa/{resourceName} --authentication-code1 <code1> --authentication-code2 <code2>',
  en: {
    title: 'IAM users with administrator rights have MFA',
    risk:
      'This user can do anything in the account: read and delete all data, create new users and keys, and lock out the real owners. ' +
      'Without an MFA device, a single leaked password or access key is enough for that; this goes for console users and for ' +
      'API-only users with access keys alike, because without a device the account cannot require MFA for their API calls either.',
    fixSummary: 'Assign an MFA device to the user, or take away the administrator rights if they are not needed.',
    fixSteps: [
      'Check whether this user really needs full administrator rights; people are better served by IAM Identity Center or a role they assume, workloads by a role with only the permissions they use.',
      'If the rights stay: {consoleUrl}/iam → Users → {resourceName} → Security credentials → Multi-factor authentication (MFA) → Assign MFA device (a passkey or security key is best).',
      'For a user with access keys only: after assigning the device, require MFA for administrative calls with a policy condition on aws:MultiFactorAuthPresent, so that the keys work only through aws sts get-session-token with an MFA code.',
      'To remove the rights instead: Users → {resourceName} → Permissions, detach the administrator policy and take the user out of the administrators group.',
    ],
    messages: {
      adminWithoutMfa: 'User {resourceName} has administrator rights ({via}) and no MFA device.',
      adminWithMfa: 'User {resourceName} has administrator rights ({via}) and an MFA device.',
      notAdmin: 'User {resourceName} has no administrator rights.',
      notInReport: 'User {resourceName} has or may have administrator rights, but is not in the credential report yet (created after it was generated), so whether it has MFA is unknown.',
      policyUnknown: 'User {resourceName} has no MFA device and holds policies whose contents could not be read ({policies}); administrator rights cannot be ruled out.',
      mfaRightsUnknown: 'User {resourceName} has an MFA device; some of its policies could not be read ({policies}), but MFA is in place whatever they grant.',
    },
  },
  nl: {
    title: 'IAM-gebruikers met beheerdersrechten hebben MFA',
    risk:
      'Deze gebruiker mag alles in het account: alle data lezen en verwijderen, nieuwe gebruikers en sleutels aanmaken en de echte eigenaren buitensluiten. ' +
      'Zonder MFA-apparaat is daar één gelekt wachtwoord of één gelekte toegangssleutel voor nodig. Dat geldt voor consolegebruikers én voor ' +
      'gebruikers die alleen via de API werken: zonder apparaat kan het account ook voor hun API-aanroepen geen MFA afdwingen.',
    fixSummary: 'Koppel een MFA-apparaat aan de gebruiker, of neem de beheerdersrechten af als die niet nodig zijn.',
    fixSteps: [
      'Ga na of deze gebruiker echt volledige beheerdersrechten nodig heeft; mensen werken beter via IAM Identity Center of een rol die ze aannemen, workloads via een rol met alleen de rechten die ze gebruiken.',
      'Blijven de rechten? {consoleUrl}/iam → Users → {resourceName} → Security credentials → Multi-factor authentication (MFA) → Assign MFA device (bij voorkeur een passkey of security key).',
      'Heeft de gebruiker alleen toegangssleutels? Dwing na het koppelen MFA af voor beheeracties met een policy-conditie op aws:MultiFactorAuthPresent, zodat de sleutels alleen nog werken via aws sts get-session-token met een MFA-code.',
      'Rechten afnemen: Users → {resourceName} → Permissions, ontkoppel de beheerderspolicy en haal de gebruiker uit de beheerdersgroep.',
    ],
    messages: {
      adminWithoutMfa: 'Gebruiker {resourceName} heeft beheerdersrechten ({via}) en geen MFA-apparaat.',
      adminWithMfa: 'Gebruiker {resourceName} heeft beheerdersrechten ({via}) en een MFA-apparaat.',
      notAdmin: 'Gebruiker {resourceName} heeft geen beheerdersrechten.',
      notInReport: 'Gebruiker {resourceName} heeft (mogelijk) beheerdersrechten, maar staat nog niet in het credential report (aangemaakt nadat het werd gegenereerd), dus of er MFA is, is onbekend.',
      policyUnknown: 'Gebruiker {resourceName} heeft geen MFA-apparaat en policy’s waarvan de inhoud niet te lezen was ({policies}); beheerdersrechten zijn niet uit te sluiten.',
      mfaRightsUnknown: 'Gebruiker {resourceName} heeft een MFA-apparaat; een deel van de policy’s was niet te lezen ({policies}), maar wat die ook toestaan, MFA is aanwezig.',
    },
  },
});
