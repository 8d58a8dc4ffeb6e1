#!/bin/bash
# Configure and start Debian's Postfix as a loopback-only test MTA for smtpcheck's SMTP probe tests.
# Idempotent; run as root (CI runs it before `npm test`). Nothing can leave the machine:
# default_transport/relay_transport = error, and the only listeners are on 127.0.0.1.
#
#   127.0.0.1:2500  smtpd with STARTTLS (snakeoil cert); AUTH only after STARTTLS (smtpd_tls_auth_only)
#   127.0.0.1:2465  smtpd in wrapper mode (implicit TLS, like port 465)
#   SASL account    probe@example.test / smtpcheck-postfix-test   (Cyrus sasldb; keep in sync with
#                   test/helpers/postfix.ts)
#   Log             /var/log/postfix.log (maillog_file: containers have no syslog)
#
# Recipe verified in /work/shared/reference/smtp-probe-notes.md §3 (Postfix 3.7, Debian bookworm).
set -euo pipefail

SASL_USER=probe
SASL_REALM=example.test
SASL_PASS=smtpcheck-postfix-test

if [ "$(id -u)" != 0 ]; then
  echo "postfix-setup: must run as root" >&2
  exit 1
fi

if ! command -v postconf >/dev/null 2>&1 || ! command -v saslpasswd2 >/dev/null 2>&1 || ! command -v make-ssl-cert >/dev/null 2>&1; then
  echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
  echo "postfix postfix/mailname string probe.test" | debconf-set-selections
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix sasl2-bin libsasl2-modules ssl-cert >/dev/null
fi

# Snakeoil certificate (CN/SAN = this machine's host name); kept when it exists so runs are repeatable.
if [ ! -s /etc/ssl/certs/ssl-cert-snakeoil.pem ] || [ ! -s /etc/ssl/private/ssl-cert-snakeoil.key ]; then
  make-ssl-cert generate-default-snakeoil --force-overwrite
fi

postconf -e \
  'myhostname = mx.example.test' \
  'mydestination = example.test, $myhostname, localhost' \
  'inet_interfaces = loopback-only' \
  'inet_protocols = ipv4' \
  'default_transport = error' \
  'relay_transport = error' \
  'relayhost =' \
  'smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem' \
  'smtpd_tls_key_file = /etc/ssl/private/ssl-cert-snakeoil.key' \
  'smtpd_tls_security_level = may' \
  'smtpd_tls_auth_only = yes' \
  'smtpd_sasl_auth_enable = yes' \
  'smtpd_sasl_type = cyrus' \
  'smtpd_sasl_path = smtpd' \
  'mynetworks = 127.0.0.0/8' \
  'smtpd_relay_restrictions = permit_sasl_authenticated reject_unauth_destination' \
  'smtpd_recipient_restrictions = reject_unauth_destination' \
  'maillog_file = /var/log/postfix.log'

mkdir -p /etc/postfix/sasl
printf 'pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\n' > /etc/postfix/sasl/smtpd.conf
echo "$SASL_PASS" | saslpasswd2 -p -c -u "$SASL_REALM" "$SASL_USER"
chown root:postfix /etc/sasldb2
chmod 640 /etc/sasldb2

# No listener on :25; the test listeners run unchrooted so Cyrus can read /etc/sasldb2.
if postconf -M smtp/inet >/dev/null 2>&1 && [ -n "$(postconf -M smtp/inet 2>/dev/null)" ]; then
  postconf -M# smtp/inet
fi
postconf -M '127.0.0.1:2500/inet=127.0.0.1:2500 inet n - n - - smtpd'
postconf -M '127.0.0.1:2465/inet=127.0.0.1:2465 inet n - n - - smtpd -o smtpd_tls_wrappermode=yes'

newaliases
postfix check
if postfix status >/dev/null 2>&1; then
  postfix reload >/dev/null 2>&1
else
  postfix start >/dev/null 2>&1
fi

# Wait until both listeners answer (postfix start returns before master has bound them).
i=0
until (exec 3<>/dev/tcp/127.0.0.1/2500) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/2465) 2>/dev/null; do
  i=$((i + 1))
  if [ "$i" -gt 50 ]; then
    echo "postfix-setup: Postfix did not start listening on 127.0.0.1:2500/2465; see /var/log/postfix.log" >&2
    exit 1
  fi
  sleep 0.1
done
echo "postfix-setup: Postfix listening on 127.0.0.1:2500 (STARTTLS) and 127.0.0.1:2465 (implicit TLS)"
