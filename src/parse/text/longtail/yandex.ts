/**
 * Yandex.Mail. A Russian paragraph ("Это письмо отправлено почтовым сервером …") over Postfix's text
 * ("This is the mail system at host yandex.ru.", "<a@b>: host … said: …"), X-Yandex-* headers and a
 * delivery-status part. Shape from the public corpus samples (Sisimai's Lhost::Yandex, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, mergeWithDsn } from './common';
import { postfixRecipients } from './shapes';

export const yandexReader: TextReader = {
  id: 'yandex',
  name: 'Yandex.Mail',
  detect: detectBy(
    { any: [{ header: 'x-yandex-uniq', pattern: /./ }, { from: /mailer-daemon@yandex\.(?:ru|com|net)/i }] },
    { any: [{ body: /Это письмо отправлено почтовым сервером|^This is the mail system at host yandex\.(?:ru|net|com)\./m }] },
  ),
  extract(view) {
    return extraction(mergeWithDsn(postfixRecipients(view.body), dsnFacts(view)));
  },
};
