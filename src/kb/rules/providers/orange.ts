/**
 * Orange / Wanadoo / La Poste (France). Their replies carry an error label such as OFR004_405 or
 * LPN007_420; the three digits after the underscore name the cause. Sources:
 * https://www.postmastery.com/orange-postmaster-smtp-error-codes-ofr/ and Sisimai's FrancePTT table
 * (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from '../types';

const O = 'https://www.postmastery.com/orange-postmaster-smtp-error-codes-ofr/';
const p = 'orange' as const;
const label = (codes: string) => new RegExp(`\\b(?:ofr|lpn|lpnaaa|ouk)\\d*_(?:${codes})\\b`);

export const ORANGE_RULES: readonly TextRule[] = [
  {
    id: 'orange-blocked', cause: 'ip-blocklisted', tier: 'provider', provider: p,
    pattern: label('101|102|103|510|999'),
    example: '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=192.0.2.1 [102]',
    source: O,
  },
  {
    id: 'orange-too-many-connections', cause: 'too-many-connections', tier: 'provider', provider: p,
    pattern: label('104'),
    example: '421 mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]',
    source: O,
  },
  {
    id: 'orange-auth-invalid', cause: 'smart-host-auth-failed', tier: 'provider', provider: p,
    pattern: label('305'),
    example: '550 5.7.0 Code d\'authentification invalide OFR_305',
    source: O,
  },
  {
    id: 'orange-spf', cause: 'spf-fail', tier: 'provider', provider: p,
    pattern: /\b(?:ofr|lpn|lpnaaa|ouk)\d*_401\b|spf\/dns de votre nom de domaine/,
    example: '550 5.5.0 SPF: 192.0.2.1 is not allowed to send mail. LPN004_401',
    source: O,
  },
  {
    id: 'orange-auth-required', cause: 'auth-required', tier: 'provider', provider: p,
    pattern: label('402'),
    example: '550 5.5.0 Authentification requise. Authentication Required. LPN105_402',
    source: O,
  },
  {
    id: 'orange-invalid-sender', cause: 'sender-rejected', tier: 'provider', provider: p,
    pattern: label('403|405|415|421'),
    example: '501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]',
    source: O,
  },
  {
    id: 'orange-invalid-recipient', cause: 'recipient-unknown', tier: 'provider', provider: p,
    pattern: label('416|418'),
    example: '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    source: O,
  },
  {
    id: 'orange-mailbox-full', cause: 'mailbox-full', tier: 'provider', provider: p,
    pattern: label('417'),
    example: '552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]',
    source: O,
  },
  {
    id: 'orange-account-suspended', cause: 'mailbox-disabled', tier: 'provider', provider: p,
    pattern: label('420|426'),
    example: '550 5.5.0 Boite du destinataire archivee. Archived recipient. LPN007_420',
    source: O,
  },
  {
    id: 'orange-service-refused', cause: 'remote-system-error', reason: 'systemerror', tier: 'provider', provider: p,
    pattern: label('505'),
    example: '421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_505 [505]',
    source: O,
  },
  {
    id: 'orange-mail-rejected', cause: 'spam-content', tier: 'provider', provider: p,
    pattern: label('506'),
    example: '550 5.7.1 Mail rejete. Mail rejected. OFR_506 [506]',
    source: O,
  },
  {
    id: 'orange-size', cause: 'message-too-large', tier: 'provider', provider: p,
    pattern: label('514'),
    example: '552 5.3.4 Taille limite du message atteinte. OFR_514 [514]',
    source: O,
  },
  {
    id: 'orange-dmarc', cause: 'dmarc-reject', tier: 'provider', provider: p,
    pattern: label('517'),
    example: '571 5.7.1 Message refused, DMARC verification Failed. Message refuse, verification DMARC en echec LPN007_517',
    source: O,
  },
  {
    id: 'orange-policy', cause: 'sender-blocked', reason: 'policyviolation', tier: 'provider', provider: p,
    pattern: label('630'),
    example: '554 5.7.1 Client host rejected LPN000_630',
    source: O,
  },
];
