import { defineText } from '../engine/text.js';

export const text = defineText({
  cli: 'aws accessanalyzer create-analyzer --analyzer-name ExternalAccess --type ACCOUNT --region {region}',
  en: {
    title: 'IAM Access Analyzer for external access is active in every enabled region',
    risk:
      'Without an external-access analyzer nobody is told when an S3 bucket, KMS key, role trust policy, secret or queue ' +
      'in this region is shared with another account or made public. Such grants are how data leaks quietly and how ' +
      'attackers keep a back door into the account after the original intrusion has been cleaned up.',
    fixSummary: 'Create an Access Analyzer of type Account (or Organization, from the delegated administrator) in region {region}.',
    fixSteps: [
      'Open {consoleUrl}/access-analyzer/home?region={region} (IAM → Access analyzer, with region {region} selected).',
      'Choose Analyzer settings → Create analyzer, finding type "External access analysis", zone of trust "Current account" (or your organization), and create it.',
      'If an analyzer exists but is not Active, delete it and create it again; for an organization analyzer, check that this account is still the delegated administrator.',
      'Review the findings it produces and archive the ones that are intended.',
    ],
    messages: {
      active: 'External-access analyzer {name} is active in {region}.',
      notActive: 'External-access analyzer {name} in {region} is not active (status {status}).',
      onlyUnusedAccess: 'Region {region} has only analyzers of type {types} active; none looks for external access.',
      none: 'Region {region} has no IAM Access Analyzer for external access.',
      regionNotCollected: 'The evidence holds no Access Analyzer data for enabled region {region}.',
      regionUnreadable: 'Access Analyzer in {region} could not be read ({code}, {action}).',
    },
  },
  nl: {
    title: 'IAM Access Analyzer voor externe toegang is actief in elke ingeschakelde regio',
    risk:
      'Zonder analyzer voor externe toegang hoort niemand het als een S3-bucket, KMS-sleutel, trust policy van een rol, ' +
      'secret of queue in deze regio wordt gedeeld met een ander account of openbaar wordt. Zo lekt data ongemerkt weg en ' +
      'houden aanvallers een achterdeur open nadat de oorspronkelijke inbraak is opgeruimd.',
    fixSummary: 'Maak in regio {region} een Access Analyzer van het type Account aan (of Organization, vanuit de delegated administrator).',
    fixSteps: [
      'Open {consoleUrl}/access-analyzer/home?region={region} (IAM → Access analyzer, met regio {region} geselecteerd).',
      'Kies Analyzer settings → Create analyzer, finding type "External access analysis", zone of trust "Current account" (of je organisatie), en maak hem aan.',
      'Bestaat er al een analyzer die niet Active is? Verwijder hem en maak hem opnieuw aan; controleer bij een organisatie-analyzer of dit account nog delegated administrator is.',
      'Beoordeel de bevindingen die hij oplevert en archiveer de bedoelde.',
    ],
    messages: {
      active: 'Analyzer voor externe toegang {name} is actief in {region}.',
      notActive: 'Analyzer voor externe toegang {name} in {region} is niet actief (status {status}).',
      onlyUnusedAccess: 'In regio {region} zijn alleen analyzers van het type {types} actief; geen enkele kijkt naar externe toegang.',
      none: 'Regio {region} heeft geen IAM Access Analyzer voor externe toegang.',
      regionNotCollected: 'Het bewijs bevat geen Access Analyzer-gegevens voor ingeschakelde regio {region}.',
      regionUnreadable: 'Access Analyzer in {region} kon niet worden gelezen ({code}, {action}).',
    },
  },
});
