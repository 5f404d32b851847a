#!/bin/sh
# Installs the system packages the tests drive: Debian's Chromium (never a
# browser download) and a Java runtime for the Nu HTML Checker.
set -e
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
    echo "please install:$missing (e.g. sudo apt-get install$missing)" >&2
    exit 1
fi
