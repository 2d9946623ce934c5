import { defineText } from '../engine/text.js';

// No CLI: using root less is a habit, not a setting.
export const text = defineText({
  en: {
    title: 'Root user has not been used recently',
    risk:
      'Every root sign-in or root API call exercises the one identity that no policy can limit and that can close the ' +
      'account. Regular root use means the credentials are handled often, typed on many machines or stored in scripts, ' +
      'and it hides an attacker\'s root activity among the normal kind.',
    fixSummary: 'Find out who used root and why, move that work to IAM roles or Identity Center, and keep root for the few tasks that need it.',
    fixSteps: [
      'Look up the root activity in CloudTrail: {consoleUrl}/cloudtrail → Event history → filter User name = root, around the date in the finding.',
      'If nobody can explain the use, treat it as an incident: change the root password, check the root MFA devices and delete any root access key.',
      'Give the people involved an IAM Identity Center permission set or IAM role for the work they did as root.',
      'Keep root for the tasks that require it (see "Tasks that require root user credentials" in the AWS docs) and set up an alarm on root sign-ins (CloudWatch or EventBridge on userIdentity.type = Root).',
    ],
    messages: {
      usedRecently: 'The root user was used {days, plural, one {# day} other {# days}} ago ({date}, {credential}), within the {threshold}-day limit.',
      notUsedRecently: 'The root user was last used {days, plural, one {# day} other {# days}} ago ({date}, {credential}), longer ago than {threshold, plural, one {# day} other {# days}}.',
      neverUsed: 'The credential report shows no use of the root password or root access keys.',
      noRootRow: 'The credential report has no row for the root user, so its last use is unknown.',
      summaryAllZero: 'The root user has no password, access keys or certificates (root credentials removed).',
      noRootRowInReport: 'This partition has no root user credentials (the credential report has no root row).',
    },
  },
  nl: {
    title: 'Root-gebruiker is de laatste tijd niet gebruikt',
    risk:
      'Elke root-login of root-API-aanroep gebruikt de enige identiteit die door geen policy wordt beperkt en die het ' +
      'account kan opzeggen. Wie root regelmatig gebruikt, gaat vaak met die gegevens om, typt ze op allerlei machines of ' +
      'zet ze in scripts, en dan valt root-activiteit van een aanvaller niet meer op tussen het normale gebruik.',
    fixSummary: 'Zoek uit wie root gebruikte en waarom, verplaats dat werk naar IAM-rollen of Identity Center en bewaar root voor de paar taken die het echt nodig hebben.',
    fixSteps: [
      'Zoek de root-activiteit op in CloudTrail: {consoleUrl}/cloudtrail → Event history → filter op User name = root rond de datum in de bevinding.',
      'Kan niemand het gebruik verklaren? Behandel het dan als incident: wijzig het root-wachtwoord, controleer de MFA-apparaten van root en verwijder eventuele root-toegangssleutels.',
      'Geef de betrokkenen een permission set in IAM Identity Center of een IAM-rol voor het werk dat ze als root deden.',
      'Gebruik root alleen voor taken die het vereisen (zie "Tasks that require root user credentials" in de AWS-documentatie) en zet een alarm op root-logins (CloudWatch of EventBridge op userIdentity.type = Root).',
    ],
    messages: {
      usedRecently: 'De root-gebruiker is {days, plural, one {# dag} other {# dagen}} geleden nog gebruikt ({date}, {credential}), binnen de grens van {threshold, plural, one {# dag} other {# dagen}}.',
      notUsedRecently: 'De root-gebruiker is voor het laatst {days, plural, one {# dag} other {# dagen}} geleden gebruikt ({date}, {credential}), langer geleden dan {threshold, plural, one {# dag} other {# dagen}}.',
      neverUsed: 'Het credential report laat geen gebruik van het root-wachtwoord of de root-toegangssleutels zien.',
      noRootRow: 'Het credential report heeft geen regel voor de root-gebruiker, dus wanneer root het laatst is gebruikt is onbekend.',
      summaryAllZero: 'De root-gebruiker heeft geen wachtwoord, toegangssleutels of certificaten (root-credentials verwijderd).',
      noRootRowInReport: 'Deze partitie heeft geen root-credentials (het credential report bevat geen root-regel).',
    },
  },
});
