import { platformOf } from '../../src/classify/platform';
import { report } from './helpers';

describe('platformOf', () => {
  it.each([
    ['exchange2003', 'exchange-2003'],
    ['exchange2007', 'exchange-onprem'],
    ['exchange2013', 'exchange-onprem'],
    ['office365', 'exchange-online'],
    ['outlook', 'exchange-online'],
    ['gmail', 'google-workspace'],
    ['postfix', 'postfix'],
    ['exim', 'exim'],
    ['sendmail', 'sendmail'],
    ['qmail', undefined],
  ])('%s → %s', (mta, platform) => {
    expect(platformOf(report([{ diagnostic: 'x' }], { mta }))).toBe(platform);
  });

  it('falls back to the generating server, else undefined', () => {
    expect(platformOf(report([{ diagnostic: 'x', reportingMta: 'SN4PR0601MB3712.namprd06.prod.outlook.com' }]))).toBe('exchange-online');
    expect(platformOf(report([{ diagnostic: 'x', reportingMta: 'mx.example.org' }]))).toBeUndefined();
  });
});
