#!/bin/sh
# Copies the hotline's Asterisk configuration into a directory (default /etc/asterisk), filling in
# the AMI secret from the environment. Refuses to run without it, so no placeholder ever goes live.
set -eu
target="${1:-/etc/asterisk}"
here="$(cd "$(dirname "$0")" && pwd)"
: "${HOTLINE_ASTERISK_AMI_SECRET:?set HOTLINE_ASTERISK_AMI_SECRET (the AMI secret the engine uses too)}"
case "$HOTLINE_ASTERISK_AMI_SECRET" in
  *[!A-Za-z0-9._~+-]*) echo "HOTLINE_ASTERISK_AMI_SECRET: use letters, digits and . _ ~ + - only" >&2; exit 1 ;;
esac
install -d "$target"
cp "$here/extensions.conf" "$here/queues.conf" "$target/"
sed "/^secret *=/ s|\${HOTLINE_ASTERISK_AMI_SECRET}|$HOTLINE_ASTERISK_AMI_SECRET|" "$here/manager.conf" > "$target/manager.conf"
chmod 640 "$target/manager.conf"
