#!/bin/sh
# Installs what the tests drive: Debian's Chromium (never a browser download), a Java
# runtime for the Nu HTML Checker, Node for Lighthouse, and Lighthouse itself from npm
# (pinned in tools/lighthouse/package-lock.json; it uses the same Chromium).
set -e
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing:$missing"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
        echo "please install:$missing (e.g. sudo apt-get install$missing)" >&2
        exit 1
    fi
fi
here=$(dirname "$0")/lighthouse
if [ ! -x "$here/node_modules/.bin/lighthouse" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    echo "installing Lighthouse (npm ci in $here)"
    npm ci --prefix "$here" --no-audit --no-fund --silent
fi
