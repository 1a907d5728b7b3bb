#!/usr/bin/env bash
# Captures the screens shown in the organizers' guides from the real
# program, and pastes them into the guides. One command:
#
#     docs/screens/capture.sh            # every language
#     docs/screens/capture.sh es         # only docs/guide.es.md
#
# It builds `pamphlet --release` (or uses $PAMPHLET if set), runs it in a
# detached tmux session of 80×24, types what a person would type, and
# captures each screen as text. In each guide, the fenced block between
# `<!-- screen: NAME -->` and `<!-- /screen -->` is then replaced by that
# capture. The program runs with LANG set to the guide's language, so
# the screens follow the program's translations as they come.
#
# Everything it uses is made here and removed afterwards: the demo's
# throwaway vault (the shipped fictional sample), and under a temporary
# directory two vaults made with `pamphlet init`, the organizer's (empty)
# and "Rosa"'s (the sample loaded), with a bundle Rosa exported. Nothing is
# written outside that directory but the guides. Needs tmux, bash and awk.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
langs=("$@")
[ "${#langs[@]}" -gt 0 ] || langs=(en es fr pt)

if [ -z "${PAMPHLET:-}" ]; then
  cargo build --release --quiet
  PAMPHLET="${CARGO_TARGET_DIR:-$root/target}/release/pamphlet"
fi
PAMPHLET=$(cd "$(dirname "$PAMPHLET")" && pwd)/$(basename "$PAMPHLET")
command -v tmux >/dev/null || { echo "capture.sh needs tmux" >&2; exit 1; }

# A fixed, readable place, because the export dialog shows its path.
work="${TMPDIR:-/tmp}/pamphlet-guide"
if [ -e "$work" ]; then
  [ -f "$work/.capture" ] || { echo "$work exists and is not ours; remove it" >&2; exit 1; }
  rm -rf "$work"
fi
mkdir -m 700 "$work"
touch "$work/.capture"
# A tmux server of our own, its socket in the work folder, so that nothing
# else's sessions are touched and nothing is left behind.
session="guide"
tmux() { command tmux -S "$work/tmux.sock" "$@"; }
cleanup() {
  tmux kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# A session that stays, so that the server does not exit (and race the next
# session's start) each time a capture's session is killed.
tmux new-session -d -s keep -x 80 -y 24 "sleep 86400"

# Passphrases of the fictional vaults. They never show on a screen: the
# program shows only that something was typed.
ours="lamp orbit cabbage velvet tunnel"
rosas="heron basket quiet lantern"
meeting="tuesday kitchen pliers"
printf '%s\n' "$ours" >"$work/ours.pass"
printf '%s\n' "$rosas" >"$work/rosa.pass"
printf '%s\n' "$meeting" >"$work/meeting.pass"

run() { "$PAMPHLET" "$@" >/dev/null 2>&1; }

# The organizer's vault, and Rosa's with the sample and a Portland bundle.
run --vault "$work/ours" --passphrase-file "$work/ours.pass" init
run --vault "$work/rosa" --passphrase-file "$work/rosa.pass" init
run --vault "$work/rosa" --passphrase-file "$work/rosa.pass" load data/sample-directory.json
run --vault "$work/rosa" --passphrase-file "$work/rosa.pass" export \
  --bundle-passphrase-file "$work/meeting.pass" --out "$work/portland.age" portland
rosa_fingerprint=$("$PAMPHLET" --vault "$work/rosa" --passphrase-file "$work/rosa.pass" keys show |
  grep -Eo '([0-9A-F]{4} ){4}[0-9A-F]{4}' | head -n 1)

# ---- driving tmux -------------------------------------------------------

screen_text() { tmux capture-pane -p -t "$session"; }

# Start COMMAND (a string for sh) in a fresh 80×24 session.
start() {
  tmux kill-session -t "$session" 2>/dev/null || true
  tmux new-session -d -s "$session" -x 80 -y 24 -c "$work" \
    "env LANG=$locale LC_ALL= LC_MESSAGES= TERM=xterm-256color NO_COLOR=1 $1"
  settle
}

# Wait until the screen has not changed for a second (at most 30 s).
settle() {
  local last="" now same=0 tries=0
  while [ "$same" -lt 4 ] && [ "$tries" -lt 150 ]; do
    sleep 0.2
    now=$(screen_text 2>/dev/null || true)
    if [ -n "$now" ] && [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; fi
    last=$now
    tries=$((tries + 1))
  done
}

# Wait until TEXT shows on the screen (at most 60 s), then settle.
wait_for() {
  local tries=0
  until screen_text | grep -qF -- "$1"; do
    sleep 0.2
    tries=$((tries + 1))
    [ "$tries" -lt 300 ] || { echo "capture.sh: \"$1\" never showed" >&2; screen_text >&2; exit 1; }
  done
  settle
}

# Wait until the demo's export has written a bundle into the work folder.
wait_for_bundle() {
  local tries=0
  until ls "$work" | grep -q '^pamphlet-.*\.age$'; do
    sleep 0.2
    tries=$((tries + 1))
    [ "$tries" -lt 300 ] || { echo "capture.sh: the export wrote nothing" >&2; screen_text >&2; exit 1; }
  done
  settle
}

typed() { tmux send-keys -t "$session" -l -- "$1"; settle; }
keys() { tmux send-keys -t "$session" "$@"; settle; }

# Save the screen as NAME, without trailing blanks (nor a shell's last
# prompt).
save() {
  screen_text | sed -e 's/[[:space:]]*$//' |
    awk '{ lines[NR] = $0 } END {
      n = NR; while (n > 0 && lines[n] == "") n--
      if (lines[n] == "$") n--
      for (i = 1; i <= n; i++) print lines[i] }' \
      >"$out/$1.txt"
}

# ---- the screens --------------------------------------------------------

capture_language() {
  local lang=$1 sentence filters
  case "$lang" in
    en) locale=en_US.UTF-8; sentence="lawyer who speaks french in paris" ;;
    es) locale=es_ES.UTF-8; sentence="abogada que habla inglés en madrid" ;;
    fr) locale=fr_FR.UTF-8; sentence="avocat qui parle portugais à paris" ;;
    pt) locale=pt_BR.UTF-8; sentence="advogado que fala francês em são paulo" ;;
    *) echo "unknown language $lang (en, es, fr, pt)" >&2; exit 2 ;;
  esac
  filters="cat:housing tag:no-id !country:us"
  out="$work/screens/$lang"
  mkdir -p "$out"
  local demo="$PAMPHLET demo"
  local ours_ui="$PAMPHLET --vault $work/ours"

  start "$demo"
  save demo-start

  start "$demo"
  typed "$sentence"
  save search-sentence

  start "$demo"
  typed "$filters"
  save search-filters

  start "$demo"
  typed "girasol portland"
  keys Enter
  save detail

  start "$demo"
  # The form: name; category (a choice: → twice is clinic); city; country;
  # a phone (a new phone row appears under it); languages; tags.
  keys C-a
  typed "Clínica Libre"
  keys Tab Right Right Tab Tab Tab
  typed "Portland"
  keys Tab Tab
  typed "US"
  keys Tab Tab
  typed "+1 503 555 0100; voice; ask for Ana"
  keys Tab Tab Tab Tab
  typed "es, en"
  keys Tab Tab Tab Tab
  typed "no-id, walk-in"
  save form

  start "$demo"
  typed '"harbor night"'
  keys C-v
  save verified

  start "$demo"
  typed "portland"
  keys C-x
  save export

  start "$demo"
  typed "portland"
  keys C-x
  keys Tab
  typed "$meeting"
  keys Tab
  typed "$meeting"
  keys Enter
  wait_for_bundle
  save export-done
  rm -f "$work"/pamphlet-*.age

  start "$ours_ui"
  save unlock
  typed "$ours"
  keys Enter
  settle
  save empty
  keys C-o
  keys C-u
  typed "$work/portland.age"
  keys Enter
  typed "$meeting"
  keys Enter
  wait_for "$rosa_fingerprint"
  save import-review

  start "$demo"
  keys C-l
  save locked

  start "$demo"
  keys C-k
  save wipe

  # The command line, at a plain shell prompt.
  start "env PAMPHLET_VAULT=$work/ours PATH=$(dirname "$PAMPHLET"):/usr/bin:/bin PS1='\$ ' bash --norc --noprofile"
  typed "pamphlet keys show"
  keys Enter
  typed "$ours"
  keys Enter
  wait_for "age1"
  save keys-show

  tmux kill-session -t "$session" 2>/dev/null || true
}

# ---- pasting into the guides --------------------------------------------

paste_into() {
  local guide=$1 dir=$2
  awk -v dir="$dir" '
    /^<!-- screen: [a-z-]+ -->$/ {
      print
      name = $3
      file = dir "/" name ".txt"
      print "```text"
      while ((getline line < file) > 0) print line
      close(file)
      print "```"
      skipping = 1
      next
    }
    /^<!-- \/screen -->$/ { skipping = 0 }
    !skipping { print }
  ' "$guide" >"$guide.new"
  mv "$guide.new" "$guide"
}

for lang in "${langs[@]}"; do
  echo "capturing $lang"
  capture_language "$lang"
  if [ "$lang" = en ]; then guide=docs/guide.md; else guide="docs/guide.$lang.md"; fi
  missing=$(grep -o '<!-- screen: [a-z-]* -->' "$guide" | awk '{print $3}' |
    while read -r name; do [ -f "$work/screens/$lang/$name.txt" ] || echo "$name"; done)
  [ -z "$missing" ] || { echo "no capture for: $missing" >&2; exit 1; }
  paste_into "$guide" "$work/screens/$lang"
done
echo "done: screens pasted into the guides; review with git diff docs/"
