# pamphlet's messages in English: the reference for the other languages.
#
# Every other file (es, fr, pt) must have exactly these message ids, and
# use only the arguments ({ $name }) the English message uses
# (tests/i18n.rs checks both). Arguments that come from records or files
# are escaped before they get here. Keep each line short enough for an
# 80-column terminal where you can.

## Around every error

error-line = error: { $message }
hint-line = hint: { $hint }
note-line = note: { $note }
hint-general = `pamphlet --help` lists the commands; add --help after a command to see what it takes
detail = { $detail }
at-place = { $place }: { $message }
standard-input = standard input

## Counting

count-records = { $count ->
    [one] { $count } record
   *[other] { $count } records
}
put-summary = added { $added }, updated { $updated }, unchanged { $unchanged }

## Dates: "2 December 2026"

date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Categories, as words

category-lawyer = lawyer
category-clinic = clinic
category-therapist = therapist
category-translator = translator
category-bail_fund = bail fund
category-housing = housing
category-support_group = support group
category-other = other

## A command line that is not understood

usage-unknown-command = `{ $command }` is not a pamphlet command
hint-did-you-mean-command = did you mean `pamphlet { $command }`? `pamphlet --help` lists every command
hint-commands = `pamphlet --help` lists every command
usage-unknown-option = `{ $option }` is not an option here
hint-did-you-mean-option = did you mean `{ $option }`?
hint-help = `pamphlet { $command } --help` shows what it takes
usage-bad-value = `{ $value }` is not a valid value for { $option }
hint-valid-values = it takes one of: { $values }
hint-value-why = { $why }
usage-needs-value = { $option } needs a value
usage-missing = something is missing: { $missing }
usage-missing-command = a command is missing
usage-conflict = { $option } cannot be used with { $other }

## Files

file-missing = { $file } does not exist
hint-file-missing = check the name and the folder; `ls` shows the files in a folder
file-unreadable = cannot read { $file }: { $reason }
hint-file-unreadable = check that the file is there and that you may read it
file-unwritable = cannot write { $file }: { $reason }
hint-file-unwritable = check that the folder exists, that you may write in it and that the disk has room
file-exists = { $file } exists already
hint-file-exists = choose another --out, or give --force to replace it
folder-not-empty = { $dir } exists and is not empty
hint-folder-not-empty = choose a new directory, or give --force to write into it
file-line-not-utf8 = { $file }: line { $line } is not valid UTF-8
hint-save-utf8 = save the file as UTF-8 and try again; nothing was stored
io-failed = a file could not be read or written: { $reason }
io-not-found = it does not exist
io-permission = you do not have permission
io-is-a-folder = it is a folder, not a file
io-not-a-folder = part of its path is not a folder
io-disk-full = the disk is full
io-read-only = the disk is read-only
io-other = { $detail }

## The vault

vault-not-found = no vault at { $dir }
hint-vault-not-found = run `pamphlet init` to create one, or point --vault (or PAMPHLET_VAULT) at an existing vault
vault-exists = a vault already exists at { $dir }
hint-vault-exists = choose another directory with --vault, or use the vault that is there
vault-incomplete = the vault at { $dir } is incomplete: { $missing } is missing
hint-vault-restore = restore the whole vault directory from a backup (key.age and db/ together); nothing was changed
vault-in-use = the vault is in use by another pamphlet
hint-vault-in-use = close the other pamphlet using this vault, then try again
vault-wrong-passphrase = wrong passphrase for this vault
hint-case-sensitive = passphrases are case-sensitive
hint-check-passphrase-file = check the first line of --passphrase-file
hint-check-env = check { $name }
vault-key-mismatch = key.age does not belong to the database beside it
hint-restore-key = restore key.age from a backup; without it the records cannot be read
vault-newer = the vault has format version { $found }; this pamphlet reads up to { $supported }
hint-upgrade = upgrade pamphlet to open this vault; nothing was changed
vault-damaged = the vault is damaged: { $detail }
vault-changed-outside = the vault was changed outside pamphlet: { $detail }
hint-vault-changed-outside = restore the whole vault directory from one backup (key.age and db/ together), or keep this copy aside and ask for help; nothing was changed
vault-signing = the vault's signing key could not sign
vault-no-record = no record with id { $id }
hint-list-ids = `pamphlet search` or `pamphlet dump` lists ids
vault-ambiguous-id = { $count } records have ids starting with { $prefix }; give more of the id
hint-more-of-id = give more characters of the id
vault-disk-full = the disk is full: the vault could not be written
hint-disk-full = free some space on the disk that holds the vault, then try again; nothing was changed
vault-file-too-large = a file of the vault reached the file-size limit: the vault could not be written
hint-file-too-large = raise the limit (`ulimit -f`), then try again; nothing was changed
vault-read-only = the vault at { $dir } cannot be written: { $reason }
hint-read-only = make the vault's directory writable (or copy the vault to a writable disk), then try again
vault-storage = storage failed: { $detail }
vault-io = the vault could not be read or written: { $reason }
hint-nothing-changed-maybe = try again; if it happens again, keep a copy of the vault directory and ask for help
vault-no-data-dir = cannot find a data directory for the vault
hint-no-data-dir = give --vault DIR or set PAMPHLET_VAULT
key-damaged = key.age is damaged
key-excessive-work = key.age asks for scrypt work factor { $required }, more than this machine accepts (about { $target })
key-io = key.age could not be read or written: { $reason }
key-other = the vault's keys: { $detail }
next-key-damaged = key.next.age, the new key of a rekey that was cut short, is damaged
next-key-excessive-work = key.next.age asks for scrypt work factor { $required }, more than pamphlet accepts of it ({ $target })
next-key-io = key.next.age could not be read: { $reason }
hint-restore-vault-dir = the database was switched to the key in key.next.age; restore the whole vault directory from a backup
vault-wiped = the vault was wiped while this command ran
hint-vault-wiped = nothing is left to change; run pamphlet init to start a new vault, or restore the vault directory from a backup
record-id-taken = a record with id { $id } exists already
hint-edit-instead = change it with `pamphlet edit`, or leave out the id
record-vanished = the record was removed while this command ran
hint-try-again = try again
field-invalid = { $detail }
hint-check-flag = check { $flag }; nothing was stored

## Passphrases

prompt-vault-passphrase = Vault passphrase:{" "}
prompt-new-passphrase = New passphrase:{" "}
prompt-same-again = Same passphrase again:{" "}
prompt-bundle-passphrase = Bundle passphrase:{" "}
env-not-utf8 = { $name } is not valid UTF-8
hint-env-utf8 = set it to the passphrase as plain text, or use --passphrase-file
passphrases-differ = the two passphrases differ; nothing was changed
hint-type-again = type the same passphrase twice
passphrase-empty = the passphrase is empty
hint-passphrase-words = a vault needs a passphrase; a few unrelated words make a strong one
passphrase-too-short = the passphrase has { $count ->
    [one] { $count } character
   *[other] { $count } characters
}; a vault's needs at least { $min }
hint-passphrase-too-short = whoever takes the laptop can try guesses for as long as they like: use { $min } characters or more, like four unrelated words (or give --weak)
warning-short-passphrase = warning: a passphrase this short can be guessed; a few unrelated words are stronger
passphrase-file-unreadable = cannot read passphrase file { $file }: { $reason }
hint-passphrase-file-unreadable = check the name given to --passphrase-file
no-terminal-for-passphrase = no passphrase given and no terminal to ask on
hint-passphrase-file = give --passphrase-file FILE or set { $name }
cli-unlocking = unlocking…

## Records

cli-created = created a vault at { $dir }
cli-no-changes = no changes to "{ $name }" ({ $id })
cli-updated = updated { $name } ({ $id })
cli-removed = removed { $name } ({ $id })
cli-no-match = no records match "{ $query }"
cli-more-matches = { $count } of { $total } matches shown; --limit N shows more
cli-passphrase-changed = passphrase changed
cli-rekeyed = { $count ->
    [one] sealed { $count } record under a new vault key; pamphlet refuses the old key.age from now on; back up the new one (the database was rewritten without the old copies; copies outside pamphlet's reach, such as backups, may remain: see SECURITY.md)
   *[other] sealed { $count } records under a new vault key; pamphlet refuses the old key.age from now on; back up the new one (the database was rewritten without the old copies; copies outside pamphlet's reach, such as backups, may remain: see SECURITY.md)
}
cli-rekeyed-copies-kept = { $count ->
    [one] sealed { $count } record under a new vault key; pamphlet refuses the old key.age from now on; back up the new one
   *[other] sealed { $count } records under a new vault key; pamphlet refuses the old key.age from now on; back up the new one
}
warning-old-copies-disk-full = warning: the change was saved, but the old copies it replaced are still in the vault's files, readable with the vault key: the disk has no room to rewrite the database (it needs as much free space as db/ takes). Free some space, then run any pamphlet command that unlocks the vault: the old copies are removed then
warning-old-copies-cannot = warning: the change was saved, but the old copies it replaced are still in the vault's files, readable with the vault key: the database cannot be rewritten where it is (this file system cannot swap two folders in one step, or db is a symbolic link). Keep the vault on a local Linux file system such as ext4, with db a plain folder: the old copies are removed at the next unlock there
warning-old-copies-failed = warning: the change was saved, but the old copies it replaced are still in the vault's files, readable with the vault key: rewriting the database failed. Run any pamphlet command that unlocks the vault to try again
query-too-long = the query is { $count } characters long; a search can be at most { $max }
hint-query-too-long = search for fewer words at a time
position-record = record { $n }
position-line = line { $n }
json-syntax = { $file }: not valid JSON at line { $line }, column { $column }: { $problem }
json-record-problem = { $file }: { $at }: { $problem }
json-duplicate-id = { $file }: { $at }: id { $id } was already used by { $first }
hint-nothing-stored = nothing was stored

## Wiping

wipe-word = WIPE
prompt-wipe = This destroys the vault at { $dir } for good. Type { $word } to go on:{" "}
wipe-no-terminal = no terminal to confirm on
hint-wipe-yes = give --yes to wipe without asking
wipe-not-confirmed = not wiped
hint-wipe-word = type { $word } (or WIPE) to wipe the vault
cli-wiped = wiped { $dir } in { $ms } ms

## Bundles

export-passphrase-and-recipients = a bundle is encrypted to a passphrase or to recipients, not both
hint-passphrase-or-recipients = give either --bundle-passphrase-file or --recipient, not both
export-nothing = no records match "{ $query }"; nothing exported
export-no-out = a bundle needs a file to go in: give --out FILE
print-nothing = no records match "{ $query }"; nothing to print
hint-search-first = try the words with `pamphlet search` first
cli-signing = signing and encrypting { $count } records…
cli-exported = { $count ->
    [one] exported { $count } record to { $file } (sequence { $sequence }, { $bytes } bytes)
   *[other] exported { $count } records to { $file } (sequence { $sequence }, { $bytes } bytes)
}
cli-your-fingerprint = your fingerprint: { $fingerprint } (read this aloud to whoever imports it)
expires-not-a-date = --expires "{ $text }" is not a date
expires-too-far = --expires is too far away
hint-expires = give the last day the bundle may be imported, as YYYY-MM-DD
verify-signature = signature:
verify-good = good
verify-signer = signer:
verify-signer-trusted = { $name } ({ $fingerprint })
verify-signer-untrusted = untrusted ({ $fingerprint })
verify-sequence = sequence:
verify-created = created:
verify-expires = expires:
verify-records = records:
verify-selection = selection:
verify-redacted = redacted:
verify-import = import:
verify-would-be-refused = would be refused: { $why }
verify-next = next:
verify-next-trusted = `pamphlet import --dry-run { $file }` shows what it would change; then `pamphlet import { $file }`
verify-next-untrusted = `pamphlet import --dry-run { $file }` shows what it would change; then, if the signer reads you { $fingerprint }: `pamphlet import --trust-fingerprint "{ $fingerprint }" { $file }`
default-signer-name = signer { $fingerprint }
cli-dry-run-changed-nothing = dry run: nothing was changed
cli-dry-run-would-leave = { $count ->
    [one] dry run: { $count } record would leave; nothing was written
   *[other] dry run: { $count } records would leave; nothing was written
}
cli-next-trust-fingerprint = next: ask the signer to read you their fingerprint; if it is { $fingerprint }, import with `pamphlet import --trust-fingerprint "{ $fingerprint }" { $file }`
cli-dry-run-vault-limit = import: would be refused: importing would grow the vault to { $after } records, past the limit of { $limit } (--allow-large allows it)
cli-now-trusting = now trusting { $name } ({ $fingerprint })
cli-imported = imported: { $summary }
cli-bundle-from = { $count ->
    [one] bundle #{ $sequence } from { $fingerprint }: { $count } record
   *[other] bundle #{ $sequence } from { $fingerprint }: { $count } records
}
bundle-not-a-bundle = not a pamphlet bundle: { $detail }
bundle-not-a-bundle-file = { $file } is not a pamphlet bundle: { $looks }
bundle-too-big = { $file } is not a pamphlet bundle: the file is { $bytes } bytes, more than any bundle ({ $max })
looks-json = it looks like a JSON file of records
looks-csv = it looks like a spreadsheet (CSV)
looks-hsds = it looks like an HSDS data package
looks-empty = the file is empty
looks-other = a bundle is the encrypted file that `pamphlet export` writes
hint-use-load = to add the records in it, run `pamphlet load { $file }`
hint-use-import-csv = to add the rows in it, run `pamphlet import-csv { $file }`
hint-use-import-hsds = unzip it if it is a .zip, then run `pamphlet import-hsds` on its folder
hint-not-a-bundle = ask the sender for the bundle file that `pamphlet export` wrote
bundle-needs-passphrase = this bundle is encrypted to a passphrase
hint-bundle-passphrase = give --bundle-passphrase-file FILE, or type it when asked
bundle-not-for-us = this bundle is not encrypted to this vault's key
hint-not-for-us = ask the sender to export to your age recipient (`pamphlet keys show`)
bundle-undecryptable = the bundle does not decrypt: wrong passphrase, or the file is damaged
hint-undecryptable = check the meeting's passphrase; if it is right, ask for a new copy of the bundle
bundle-malformed = the bundle is malformed: { $detail }
hint-bundle-damaged = ask the sender for a new copy of the bundle; nothing was imported
redact-unknown = cannot redact "{ $field }"; redactable fields are address, phones, email, website, notes
hint-redact = give --redact a comma-separated list, like address,notes
bundle-newer = the bundle has format version { $found }; this pamphlet cannot read it
hint-upgrade-bundle = upgrade pamphlet to read this bundle; nothing was imported
bundle-bad-signature = the signature on { $part } does not verify: the bundle was changed after it was signed
bundle-mismatch = the manifest does not match the records: { $detail }
bundle-invalid-record = a record in the bundle is invalid: { $detail }
bundle-untrusted = the bundle is signed by an untrusted key (fingerprint { $fingerprint })
hint-untrusted = compare the fingerprint with the signer, aloud; `pamphlet import --dry-run` shows what the bundle holds; if the fingerprint is theirs, import with --trust-fingerprint "{ $fingerprint }"
bundle-bad-fingerprint = "{ $text }" is not a fingerprint
hint-fingerprint-form = a fingerprint is five groups of four digits and letters A to F, like "A75A AA8D 588F 3507 6771"; spaces and case do not matter
bundle-fingerprint-mismatch = the bundle's signer has the fingerprint { $actual }, not { $given }; nothing was trusted or imported
hint-fingerprint-mismatch = ask the signer to read their fingerprint again from their own screen; if it still differs, the bundle is not theirs
bundle-replayed = this bundle is sequence { $sequence } from { $signer }, but sequence { $last_seen } was already imported: an older bundle replayed?
hint-replayed = ask the signer for their newest bundle; nothing was imported
bundle-expired = the bundle expired on { $day }
hint-expired = ask the signer for a newer bundle; nothing was imported
bundle-bad-recipient = not an age recipient: { $text }
hint-recipient = an age recipient starts with age1; `pamphlet keys show` prints yours
bundle-excessive-work = the bundle's passphrase asks for scrypt work factor { $log_n }, but pamphlet opens bundles of at most { $max }
hint-excessive-work = opening it would take { $memory } of memory; ask the sender to export it again with pamphlet, or to your age recipient (`pamphlet keys show`)
bundle-too-large = the bundle is too large: { $detail }
hint-bundle-too-large = a bundle holds at most 200,000 records and 160 MiB: ask the sender to split it with narrower queries, by city or need
bundle-vault-limit = importing would grow the vault to { $after } records, past the limit of { $limit }
hint-allow-large = give --allow-large to import it anyway: every record is held in memory and searched on every keystroke

## Keys

keys-signing-key = signing key (minisign)
keys-age-recipient = age recipient
keys-fingerprint = fingerprint
keys-none-yet = no trusted signers yet; add one with `pamphlet keys trust NAME KEY`
keys-list-line = { $last ->
    [0] { $name }  { $fingerprint }  (last bundle: none)
   *[other] { $name }  { $fingerprint }  (last bundle: #{ $last })
}
keys-name-empty = a trusted key needs a name
hint-keys-name = give a name you will recognise, like "Rosa (Portland)"
keys-not-a-key = not a minisign public key
hint-keys-copy = copy the `signing key` line that `pamphlet keys show` prints (RW…)
keys-name-taken = a key named "{ $name }" is already trusted
keys-already-trusted = this key is already trusted as "{ $name }"
keys-no-such-name = no trusted key named "{ $name }"
hint-keys-list = `pamphlet keys list` shows the names
cli-untrusted = no longer trusting { $name }
keys-secret-to-terminal = refusing to print a secret key to the terminal
hint-secret-to-file = redirect it to a file on an encrypted disk, or give --force
warning-secret-identity = warning: this is your secret age identity; anyone holding it can open bundles sent to you

## Spreadsheets and data packages

cli-wrote-hsds = wrote { $count } services to { $dir } ({ $files } files, HSDS 3.0 tabular data package)
warning-hsds-addresses = warning: addresses.csv leaves empty what HSDS 3.0 requires: { $rows ->
    [one] postal_code in its only row
   *[other] postal_code in all { $rows } rows
} (pamphlet keeps no postal codes){ $without_street ->
    [0] {""}
    [one] { $rows ->
        [one] {" "}and address_1 in it
       *[other] {" "}and address_1 in 1 of them
    } (records with a city, region or country but no street address)
   *[other] {" "}and address_1 in { $without_street } of them (records with a city, region or country but no street address)
}; HSDS validators will flag these cells
cli-read-services = { $count ->
    [one] read { $count } service; { $summary }
   *[other] read { $count } services; { $summary }
}
hsds-missing-table = { $dir } has no { $file }; is this an HSDS tabular data package?
hsds-problem = { $detail }
hint-hsds-dir = give the directory that `pamphlet export-hsds` wrote
cli-rows-have-problems = { $count } of { $rows } rows have problems:
csv-rows-have-problems = { $count } of { $rows } rows have problems
hint-csv-fix-rows = fix the rows listed above and run import-csv again; nothing was stored
csv-not-utf8 = line { $line } is not valid UTF-8 (byte { $byte })
hint-csv-utf8 = save the spreadsheet as "CSV UTF-8" (or convert it with iconv) and try again; nothing was stored
csv-empty = the file is empty; expected a header row like `name,category,city,phone`
hint-csv-header = the first row names the columns; only name and category are required
csv-problem = { $detail }
csv-would-change = { $detail }
hint-csv-would-change = look at that field with `pamphlet show ID`, or copy the records as JSON Lines with `pamphlet dump`
separator-tab = tab
cli-rows-ready = { $count ->
    [one] { $count } row ready (separator { $separator })
   *[other] { $count } rows ready (separator { $separator })
}
cli-columns = columns: { $columns }
cli-ignored-columns = ignored columns: { $columns }
cli-row-ready = {"  "}line { $line }: { $name } [{ $category }] { $city }
cli-dry-run-stored-nothing = dry run: nothing was stored
cli-stored = stored: { $summary }
cli-wrote-records = { $count ->
    [one] wrote { $count } record to { $file }
   *[other] wrote { $count } records to { $file }
}
cli-wrote-sheet = { $count ->
    [one] wrote a sheet of { $count } referral to { $file }
   *[other] wrote a sheet of { $count } referrals to { $file }
}

## The terminal UI, seen from the command line

tui-no-terminal = the terminal UI needs a terminal
hint-tui-no-terminal = run pamphlet in a terminal, or use a command like `pamphlet search`
tui-stopped = stopped by { $signal }
hint-tui-stopped = start pamphlet again; the vault was locked
tui-terminal = the terminal failed: { $reason }

## The printed sheet

sheet-default-title = Referrals we trust
sheet-subtitle = Printed { $date } · { $count ->
    [one] { $count } referral
   *[other] { $count } referrals
}
sheet-subtitle-matching = Printed { $date } · { $count ->
    [one] { $count } referral
   *[other] { $count } referrals
} matching “{ $query }”
sheet-defunct-left-out = { $count } defunct left out
sheet-footer = Printed { $date } from pamphlet. Check before you share: people and places change.
sheet-no-city = No city given
sheet-inactive = inactive
sheet-phone = phone
sheet-category-lawyer = Lawyers
sheet-category-clinic = Clinics
sheet-category-therapist = Therapists
sheet-category-translator = Translators
sheet-category-bail_fund = Bail funds
sheet-category-housing = Housing
sheet-category-support_group = Support groups
sheet-category-other = Other
sheet-fact-languages = Languages
sheet-fact-cost = Cost
sheet-fact-hours = Hours
sheet-fact-address = Address
sheet-fact-email = Email
sheet-fact-website = Web
sheet-fact-description = About
sheet-fact-notes = Notes
sheet-fact-verified_on = Checked

## How a search read its query
reading-optional = (optional: { $words })
reading-missing = no record mentions "{ $word }"
reading-speaks = speaks { $language }
reading-word = "{ $word }"
reading-phrase = "{ $text }" as written
reading-filter = { $field }: { $value }
reading-excluded = not "{ $text }"
search-read-as = read as: { $reading }
search-partial-heading = Partial matches ({ $count } of { $total }), not every part of the query:
select-partial-not-taken = { $count ->
    [one] { $count } record matches part of the query; only records that match all of it are taken
   *[other] { $count } records match part of the query; only records that match all of it are taken
}
export-csv-nothing = no records match "{ $query }"; no records written
## The terminal UI

tui-key-help = help
tui-key-wipe = wipe the vault
tui-key-wipe-now = wipe, once WIPE is typed
tui-key-keep-vault = keep the vault
tui-key-unlock = unlock
tui-key-open = open
tui-key-category-filter = category filter
tui-key-city-filter = city filter
tui-key-add = add
tui-key-edit = edit
tui-key-delete = delete
tui-key-verified = mark verified today
tui-key-export = export
tui-key-import = import
tui-key-toggle = tick or untick
tui-key-open-import = open, then import
tui-key-choose-keep = choose what to keep
tui-key-save = save
tui-key-next-field = next field
tui-key-previous-field = previous field
tui-key-yes-delete = yes, delete
tui-key-no-keep = no, keep it
tui-key-yes-discard = yes, throw the changes away
tui-key-keep-editing = no, keep editing
tui-key-previous-result = previous result
tui-key-next-result = next result
tui-key-previous-record = previous record
tui-key-next-record = next record
tui-key-scroll-up = scroll up
tui-key-scroll-down = scroll down
tui-key-page-up = page up
tui-key-page-down = page down
tui-key-clear-passphrase = clear the passphrase
tui-key-clear-search = clear the search, then the filters
tui-key-back-to-list = back to the list
tui-key-cancel = cancel
tui-key-reject = reject or close
tui-key-close-help = close help
tui-key-backspace = delete the character before the cursor
tui-key-delete-char = delete the character under the cursor
tui-key-delete-word = delete the word before the cursor
tui-key-delete-to-start = delete to the start of the field
tui-key-left = cursor left (in a choice: previous option)
tui-key-right = cursor right (in a choice: next option)
tui-key-home = cursor to the start
tui-key-end = cursor to the end
tui-key-lock = lock
tui-key-quit = quit
tui-key-letters = letters
tui-type-passphrase = type the passphrase (never shown)
tui-type-search = search at once (? opens help while the search is empty)
tui-type-secret-field = type into the field (passphrases are never shown)
tui-type-wipe = type WIPE (any case) to destroy the vault
tui-type-field = type into the field
tui-screen-unlock = Unlock
tui-screen-list = Search and list
tui-screen-detail = Record
tui-screen-form = Add or edit
tui-screen-confirm = Delete question
tui-screen-discard = Discard question
tui-screen-export = Export a bundle
tui-screen-import = Import a bundle
tui-screen-wipe = Wipe question
tui-screen-help = Help
tui-help-title = Help — Esc closes, ↑/↓ scroll
tui-help-here = { $screen } (this screen)
tui-help-everywhere = On every screen
tui-help-editing = In a text field
tui-help-mouse-and-marks = Mouse and marks
tui-help-mouse-key = mouse
tui-help-mouse = the wheel scrolls; a click selects a record, a second click opens it
tui-help-stale = not verified in the last 6 months, or never: check before referring
tui-help-marks = The letters a search matched are highlighted. The screen locks itself when no key is pressed for a while.
tui-search-prompt = Search ›
tui-search-within = in { $filters }
tui-list-all = All records
tui-list-results = Results for “{ $query }”
tui-list-searching = Searching…
tui-list-empty = The directory is empty. ^A adds a record; ^O imports a bundle.
tui-list-none = No records match. Esc clears the search; fewer or shorter words find more.
tui-record = Record
tui-status-searching = searching…
tui-status-legend = ! = stale · locks after { $minutes } min
tui-status-count = { $shown } / { $total ->
    [one] { $total } record
   *[other] { $total } records
}
tui-status-partial = { $shown } shown of { $matching } matching / { $total ->
    [one] { $total } record
   *[other] { $total } records
}
tui-list-read-as = Read as: { $reading }
tui-list-none-in-full = No record matches all of the search.
tui-list-fewer-words = Esc clears the search; fewer or shorter words find more.
tui-list-partial-heading = Matching only part of the search ({ $count }), not selectable, never exported:
tui-status-part-match = { $count } match part of it
tui-help-defunct = defunct: closed, do not refer (listed last)
tui-help-searching-title = Searching
tui-help-searching = Type words or a sentence: lawyer who speaks french in paris. Small words (who, in, que, de…) are optional; a city, a category or "speaks X" asks for it. The line over the list says how it was read. Filters: city: cat: lang: tag: country: (in five languages: lang:francés, country:españa), "exact words", !word to leave out. When nothing matches in full, partial matches are listed apart, never exported.

## The terminal UI: locked screen, questions, wiped

tui-locked-start = The directory is locked.
tui-locked = Locked.
tui-locked-gone = The records are gone from memory.
tui-old-copies-disk-full = Your changes are saved, but old copies of them remain in the vault's files: the disk is too full to rewrite the database. Free some space, then unlock: they are removed then.
tui-old-copies-cannot = Your changes are saved, but old copies of them remain in the vault's files: this file system cannot rewrite the database in place (see SECURITY.md).
tui-old-copies-failed = Your changes are saved, but old copies of them remain in the vault's files: rewriting the database failed. Unlock to try again.
tui-locked-idle = Locked after { $minutes } min without a key.
tui-passphrase-label = Passphrase:
tui-unlocking = Unlocking… deriving the key takes a second or two.
tui-unlock-type = Type the passphrase, then Enter.
tui-unlock-wrong = Wrong passphrase. Try again.
tui-unlock-in-use = The vault is in use by another pamphlet. Close it, then try again.
tui-unlock-failed = Cannot unlock: { $reason }
tui-demo-passphrase = Demo directory: the passphrase is “{ $passphrase }”.
tui-delete-title = Delete?
tui-delete-question = Delete “{ $name }”?
tui-delete-for-good = It is removed from this vault for good.
tui-discard-title = Throw away the changes?
tui-discard-not-saved = What you typed in this form is not saved.
tui-discard-save-hint = ^S in the form saves it.
tui-discard-yes = throw them away
tui-discard-yes-quit = throw them away and quit
tui-wipe-title = Wipe the vault?
tui-wipe-question = Destroy this vault now?
tui-wipe-for-good = Everything in it is gone for good; no passphrase is needed.
tui-wipe-prompt = Type { $word }, then Enter:
tui-wipe-not-yet = Nothing is destroyed before that.
tui-wipe-type-word = Type { $word }, then Enter. Esc keeps the vault.
tui-not-wiped = Not wiped: { $reason }
tui-wiped = The vault was wiped.
tui-wiped-any-key = Any key quits.

## Records: field labels, words, plans

field-id = Id
field-name = Name
field-organization = Organization
field-category = Category
field-description = Description
field-city = City
field-region = Region
field-country = Country
field-address = Address
field-phones = Phone
field-email = Email
field-website = Website
field-languages = Languages
field-hours = Hours
field-cost = Cost
field-notes = Notes
field-tags = Tags
field-verified_on = Verified on
field-status = Status
field-updated_at = Updated
field-place = Place
field-source = Source
status-active = active
status-inactive = inactive
status-defunct = defunct

# A phone's kind, beside its number in a record's detail.
phone-kind-voice = voice
phone-kind-text = text
phone-kind-cell = cell
phone-kind-fax = fax
phone-kind-video = video
phone-kind-pager = pager
phone-kind-textphone = textphone

# Languages a referral speaks, by ISO 639-1 code, in a record's detail.
language-am = Amharic
language-ar = Arabic
language-bg = Bulgarian
language-ca = Catalan
language-de = German
language-el = Greek
language-en = English
language-es = Spanish
language-eu = Basque
language-fa = Persian
language-fr = French
language-hi = Hindi
language-ht = Haitian
language-it = Italian
language-ja = Japanese
language-ko = Korean
language-nl = Dutch
language-pa = Panjabi
language-pl = Polish
language-ps = Pushto
language-pt = Portuguese
language-ro = Romanian
language-ru = Russian
language-so = Somali
language-ta = Tamil
language-ti = Tigrinya
language-tl = Tagalog
language-tr = Turkish
language-uk = Ukrainian
language-ur = Urdu
language-vi = Vietnamese
language-wo = Wolof
language-yo = Yoruba
language-zh = Chinese
verified-never = never
verified-stale = { $day } (stale: over { $months } months ago)
vouch-by = vouched for by { $source }
vouch-source = { $name } (bundle #{ $sequence }, imported { $day })
vouch-edited-here = edited here since
plan-new = new
plan-updated = updated
plan-unchanged = unchanged
plan-conflict = conflict
plan-added-here = added here
plan-taking-bundle = taking the bundle's
plan-keeping-local = keeping the local one
import-summary = { $new } new, { $updated } updated, { $unchanged } unchanged, { $conflicts } conflicts{ $kept ->
    [local] {" "}(kept the local records)
    [bundle] {" "}(took the bundle's records)
   *[none] {""}
}; { $written } records written

## The terminal UI: record, form

tui-detail-status = Status: { $status } — do not refer.
tui-detail-stale-never = ! Stale: never verified.
tui-detail-stale = ! Stale: last verified { $day } (over { $months } months ago).
tui-detail-vouched = Vouched for by { $source }
tui-form-add = Add a record
tui-form-edit = Edit a record
tui-form-keys = ^S saves, Esc cancels
tui-form-fields = Fields
tui-form-choose = choose
tui-form-phone-n = Phone { $n }
tui-hint-phone = number; type; note — like +1 503 555 0100; text
tui-hint-choose = ←/→ to choose
tui-hint-required = required
tui-hint-country = two letters, like US or FR
tui-hint-languages = names or codes, comma-separated
tui-hint-tags = comma-separated, like no-id, walk-in (\, for a comma)
tui-hint-verified-on = YYYY-MM-DD, or today

## The terminal UI: export and import dialogs

tui-label-records = Records
tui-label-encrypt-to = Encrypt to
tui-label-passphrase = Passphrase
tui-label-again = Again
tui-label-leave-out = Leave out
tui-label-save-to = Save to
tui-label-to = To
tui-label-file = File
tui-label-trust-as = Trust as
tui-label-conflicts = Conflicts
tui-label-signed-by = Signed by
tui-label-fingerprint = Fingerprint
tui-label-bundle = Bundle
tui-export-every-record = every record
tui-export-listed-by = listed by “{ $query }”
tui-export-in = in { $within }
tui-export-listed-by-in = listed by “{ $query }” in { $within }
tui-export-within-city = { $city }
tui-export-within-both = { $category } · { $city }
tui-export-to-passphrase = a meeting passphrase
tui-export-to-keyring = people in the keyring
tui-export-no-recipients = Nobody in the keyring has an age recipient.
tui-export-keys = Signed with your key. Space ticks a box; Enter exports.
tui-export-working = { $count ->
    [one] Signing and encrypting { $count } record, then writing the file… (a passphrase takes a second or two)
   *[other] Signing and encrypting { $count } records, then writing the file… (a passphrase takes a second or two)
}
tui-export-done = { $count ->
    [one] Exported { $count } record as bundle #{ $sequence } to { $file }.
   *[other] Exported { $count } records as bundle #{ $sequence } to { $file }.
}
tui-export-carry = Carry it to the meeting; whoever imports it will see your fingerprint. Enter or Esc closes.
tui-export-nothing = No records are listed, so there is nothing to export.
tui-export-short = Type a meeting passphrase of at least { $min } characters, twice.
tui-export-differ = The two passphrases differ. Type it again.
tui-export-no-recipient = No one in the keyring has an age recipient: use a meeting passphrase (←/→ on Encrypt to).
tui-export-choose-recipient = Choose at least one recipient with Space.
tui-export-no-path = Say where the bundle goes.
tui-export-is-folder = { $file } is a folder: add a file name.
tui-export-exists = { $file } exists. Enter again replaces it; change the name to keep it.
tui-no-folder = There is no folder { $dir }.
tui-no-file = There is no file { $file }.
tui-not-exported = Not exported: { $reason }
tui-import-ask-path = The path of the bundle, then Enter. Nothing changes until you accept.
tui-import-ask-passphrase = This bundle is encrypted to a meeting passphrase. Type it, then Enter.
tui-import-type-path = Type the path of the bundle.
tui-import-type-passphrase = Type the meeting passphrase.
tui-import-undecryptable = It does not decrypt: a wrong passphrase, or a damaged file. Try again, or Esc.
tui-import-opening = Decrypting and checking the signature… (a passphrase takes a second or two)
tui-import-importing = Importing…
tui-import-unknown-signer = someone not in your keyring
tui-import-bundle-made = #{ $sequence }, made { $day }
tui-import-bundle-expires = { $made }, expires { $day }
tui-import-counts = { $count }: { $new } new, { $updated } updated, { $unchanged } unchanged, { $conflicts } in conflict
tui-import-compare = Compare this fingerprint with the signer, aloud. Accepting trusts them from now on.
tui-import-keep-local = keep the local records
tui-import-take-bundle = take the bundle's records
tui-import-tab-switches = Tab switches
tui-import-review-keys = Enter accepts, in one step. Esc rejects, changing nothing.
tui-import-changes = What changes ({ $count }) ─ ↑/↓ scroll
tui-import-no-changes = Nothing: every record is as here.
tui-import-name-signer = Compare the fingerprint aloud, then type a name to trust the signer as.
tui-import-name-taken = The keyring already has someone named “{ $name }”. Choose another name.
tui-import-refused = Refused.
tui-import-refused-keys = Enter tries another file; Esc closes.
tui-import-done-keys = The records are searchable now. Enter or Esc closes.
tui-imported = Imported: { $summary }.
tui-imported-trusting = Imported: { $summary }. Now trusting { $name } ({ $fingerprint }).
tui-refused = { $reason } { $hint }
tui-refused-no-hint = Nothing was imported.
tui-refused-not-for-us = Ask the sender to export it to your age recipient (`pamphlet keys show`). Nothing was imported.
tui-refused-replayed = Ask the signer for their newest bundle. Nothing was imported.
tui-refused-expired = Ask the signer for a fresh bundle. Nothing was imported.
tui-refused-tampered = Do not use this file; tell the signer. Nothing was imported.
tui-refused-excessive-work = Ask the sender to export it again with pamphlet, or to your age recipient. Nothing was imported.
tui-refused-too-large = Ask the sender to split it with narrower queries. Nothing was imported.
tui-refused-vault-limit = This screen cannot import it; the command line can, if you mean it: pamphlet import --allow-large FILE. Nothing was imported.

## The terminal UI: notices

tui-saved = Saved “{ $name }”.
tui-saved-not-listed = Saved “{ $name }”. The search does not list it: Esc clears the search.
tui-no-changes = No changes to “{ $name }”.
tui-not-saved = Not saved: { $reason }
tui-nothing-changed = Nothing was changed.
tui-nothing-deleted = Nothing was deleted.
tui-nothing-exported = Nothing was exported.
tui-nothing-imported = Nothing was imported.
tui-none-selected = No record is selected.
tui-deleted = Deleted “{ $name }”.
tui-not-deleted = Not deleted: { $reason }
tui-verified-already = “{ $name }” is already marked verified today.
tui-verified-marked = Marked “{ $name }” verified today.
tui-not-marked = Not marked: { $reason }

## How a search was read

query-notice-unknown-field = there is no `{ $field }:` filter, so its value was searched for everywhere (filters: city:, cat:, lang:, tag:, country:)
query-notice-unclosed-quote = a quote is not closed: the phrase runs to the end of the query
query-notice-unknown-category = no category is called "{ $value }", so nothing matches
query-notice-unknown-language = no language is called "{ $value }", so nothing matches
query-notice-unknown-country = no country is called "{ $value }", so nothing matches
query-notice-unsearchable = "{ $text }" has no letters or digits to search for, so it was ignored

## What a record's fields accept

field-problem = field `{ $field }`: { $problem }
input-required = is required
input-not-timestamp = { $text } is not an RFC 3339 timestamp (like 2026-10-01T12:00:00Z)
input-not-uuid = { $text } is not a UUID
input-unknown-category = unknown category { $text } (expected one of: { $expected })
input-not-country = { $text } is not an ISO 3166-1 alpha-2 country code (like US, FR, BR)
input-not-language = { $text } is not an ISO 639-1 language code (like en, es, fr)
input-not-date = { $text } is not a date in the form YYYY-MM-DD
input-unknown-status = unknown status { $text } (expected active, inactive or defunct)
input-phone-needs-number = a phone needs a number
input-not-phone = { $text } does not look like a phone number
input-unknown-phone-type = unknown phone type { $text } (expected one of: { $expected })
input-too-many = has { $count } entries; at most { $max } are accepted
input-too-long = is { $count } bytes long; at most { $max } are accepted
input-line-break = is one line, but contains a line break (U+{ $code })
input-tab = is one line, but contains a tab (U+0009)
input-control = contains the control character U+{ $code }
input-bidi = contains U+{ $code }, a bidirectional override that makes text read in another order than it is stored

## Settings kept in the vault (`pamphlet settings`, F2 in the terminal UI)

# A language's name for itself, as a list of languages shows it.
language-own-name = English
settings-language = language: { $language }
settings-language-auto = language: automatic, from --lang, else LC_ALL, LC_MESSAGES or LANG (now: { $language })
settings-language-set = language set to { $language }: pamphlet speaks it once the vault is unlocked, unless --lang says otherwise
settings-language-unset = language setting removed: pamphlet follows --lang, else LC_ALL, LC_MESSAGES or LANG
tui-key-language = language
tui-key-choose-language = use this language
tui-key-previous-choice = previous choice
tui-key-next-choice = next choice
tui-screen-language = Language
tui-language-title = Language
tui-language-auto = automatic ({ $language })
tui-language-note = Kept in the vault. The unlock screen comes before the vault is open, so it follows --lang or the system's language.
tui-language-not-saved = Not saved: { $error }
