#!/usr/bin/env bash
# Renders `simulate --html`'s page in headless Chromium (Debian's) and checks what a reader would see: the page
# loads from the file alone (no request leaves it), the browser reports no console or script error, and the
# rendered document shows the phase's figures and highlights the unmet expectation.
# Usage: browser_check.sh SWITCHYARD_BIN
set -euo pipefail
bin="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
set +e
"$bin" simulate Tests/Fixtures/wrong-expectation.scenario.toml --html "$work/report.html" >/dev/null
status=$?
set -e
[ "$status" = 2 ] || { echo "expected exit 2 from the wrong-expectation fixture, got $status"; exit 1; }
browser() {
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$work/profile" \
    --enable-logging=stderr --v=0 "$@" "file://$work/report.html"
}
browser --dump-dom >"$work/dom.html" 2>"$work/console.log"
browser --screenshot="$work/page.png" --window-size=1280,2000 >/dev/null 2>>"$work/console.log"
passed=0 failed=0
check() {
  if eval "$2"; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); echo "FAIL $1"; fi
}
check "the page rendered to a non-empty document" '[ -s "$work/dom.html" ] && grep -q "</html>" "$work/dom.html"'
check "no console or script error" '! grep -qiE "CONSOLE.*(error|uncaught)|Uncaught|SyntaxError" "$work/console.log"'
check "no request left the file (no http URL fetched)" '! grep -qiE "(src|href)=\"https?:" "$work/dom.html"'
check "the unmet expectation is highlighted" 'grep -q "<tr class=\"unmet\" data-check=\"served_by.gpt_4o_mini_1.openai\">" "$work/dom.html"'
check "the tally shows the failed phase" 'grep -q "0 passed, 1 failed" "$work/dom.html"'
check "the screenshot was drawn" '[ "$(stat -c %s "$work/page.png")" -gt 10000 ]'
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
