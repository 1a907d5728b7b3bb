# Les messages de pamphlet en français.
# Écrits sans relecture par une personne de langue maternelle française :
# voir le rapport.
#
# Glossaire (à reprendre tel quel dans l'interface) :
#   vault → coffre · record → fiche · referral → adresse (de confiance)
#   bundle → paquet · passphrase → phrase secrète · signer → signataire
#   signing key → clé de signature · fingerprint → empreinte
#   trust → faire confiance · wipe → effacer (mot : EFFACER)

## Around every error

error-line = erreur : { $message }
hint-line = conseil : { $hint }
note-line = remarque : { $note }
hint-general = `pamphlet --help` liste les commandes ; ajoutez --help après une commande pour voir ce qu'elle accepte
detail = { $detail }
at-place = { $place } : { $message }
standard-input = l'entrée standard

## Counting

count-records = { $count ->
    [one] { $count } fiche
   *[other] { $count } fiches
}
put-summary = { $added } ajoutées, { $updated } mises à jour, { $unchanged } inchangées

## Dates

date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Categories

category-lawyer = avocat
category-clinic = clinique
category-therapist = thérapeute
category-translator = interprète
category-bail_fund = fonds de caution
category-housing = logement
category-support_group = groupe de soutien
category-other = autre

## A command line that is not understood

usage-unknown-command = `{ $command }` n'est pas une commande de pamphlet
hint-did-you-mean-command = vouliez-vous dire `pamphlet { $command }` ? `pamphlet --help` liste toutes les commandes
hint-commands = `pamphlet --help` liste toutes les commandes
usage-unknown-option = `{ $option }` n'est pas une option de cette commande
hint-did-you-mean-option = vouliez-vous dire `{ $option }` ?
hint-help = `pamphlet { $command } --help` montre ce qu'elle accepte
usage-bad-value = `{ $value }` n'est pas une valeur possible pour { $option }
hint-valid-values = valeurs possibles : { $values }
hint-value-why = { $why }
usage-needs-value = { $option } a besoin d'une valeur
usage-missing = il manque quelque chose : { $missing }
usage-missing-command = il manque la commande
usage-conflict = { $option } ne peut pas être utilisé avec { $other }

## Files

file-missing = { $file } n'existe pas
hint-file-missing = vérifiez le nom et le dossier ; `ls` montre les fichiers d'un dossier
file-unreadable = impossible de lire { $file } : { $reason }
hint-file-unreadable = vérifiez que le fichier est là et que vous avez le droit de le lire
file-unwritable = impossible d'écrire { $file } : { $reason }
hint-file-unwritable = vérifiez que le dossier existe, que vous pouvez y écrire et que le disque a de la place
file-exists = { $file } existe déjà
hint-file-exists = choisissez un autre nom avec --out, ou ajoutez --force pour le remplacer
folder-not-empty = { $dir } existe et n'est pas vide
hint-folder-not-empty = choisissez un nouveau dossier, ou ajoutez --force pour écrire dedans
file-line-not-utf8 = { $file } : la ligne { $line } n'est pas en UTF-8
hint-save-utf8 = enregistrez le fichier en UTF-8 et réessayez ; rien n'a été enregistré
io-failed = un fichier n'a pas pu être lu ou écrit : { $reason }
io-not-found = il n'existe pas
io-permission = vous n'avez pas la permission
io-is-a-folder = c'est un dossier, pas un fichier
io-not-a-folder = une partie du chemin n'est pas un dossier
io-disk-full = le disque est plein
io-read-only = le disque est en lecture seule
io-other = { $detail }

## The vault

vault-not-found = aucun coffre dans { $dir }
hint-vault-not-found = lancez `pamphlet init` pour en créer un, ou indiquez un coffre existant avec --vault (ou PAMPHLET_VAULT)
vault-exists = il y a déjà un coffre dans { $dir }
hint-vault-exists = choisissez un autre dossier avec --vault, ou utilisez le coffre qui s'y trouve
vault-incomplete = le coffre de { $dir } est incomplet : { $missing } manque
hint-vault-restore = restaurez tout le dossier du coffre depuis une sauvegarde (key.age et db/ ensemble) ; rien n'a été modifié
vault-in-use = le coffre est utilisé par un autre pamphlet
hint-vault-in-use = fermez l'autre pamphlet qui utilise ce coffre, puis réessayez
vault-wrong-passphrase = ce n'est pas la phrase secrète de ce coffre
hint-case-sensitive = la phrase secrète distingue majuscules et minuscules
hint-check-passphrase-file = vérifiez la première ligne du fichier de --passphrase-file
hint-check-env = vérifiez { $name }
vault-key-mismatch = key.age ne correspond pas à la base de données à côté de lui
hint-restore-key = restaurez key.age depuis une sauvegarde ; sans lui, les fiches ne peuvent pas être lues
vault-newer = le coffre est au format { $found } ; ce pamphlet lit jusqu'au format { $supported }
hint-upgrade = installez un pamphlet plus récent pour ouvrir ce coffre ; rien n'a été modifié
vault-damaged = le coffre est endommagé : { $detail }
vault-changed-outside = le coffre a été modifié en dehors de pamphlet : { $detail }
hint-vault-changed-outside = restaurez tout le dossier du coffre depuis une seule sauvegarde (key.age et db/ ensemble), ou mettez cette copie de côté et demandez de l'aide ; rien n'a été modifié
vault-signing = la clé de signature du coffre n'a pas pu signer
vault-no-record = aucune fiche avec l'identifiant { $id }
hint-list-ids = `pamphlet search` ou `pamphlet dump` listent les identifiants
vault-ambiguous-id = { $count } fiches ont un identifiant qui commence par { $prefix } ; donnez-en davantage
hint-more-of-id = donnez plus de caractères de l'identifiant
vault-disk-full = le disque est plein : le coffre n'a pas pu être écrit
hint-disk-full = libérez de la place sur le disque du coffre, puis réessayez ; rien n'a été modifié
vault-file-too-large = un fichier du coffre a atteint la taille maximale permise : le coffre n'a pas pu être écrit
hint-file-too-large = relevez la limite (`ulimit -f`), puis réessayez ; rien n'a été modifié
vault-read-only = impossible d'écrire dans le coffre de { $dir } : { $reason }
hint-read-only = rendez le dossier du coffre accessible en écriture (ou copiez le coffre sur un disque où l'on peut écrire), puis réessayez
vault-storage = l'enregistrement a échoué : { $detail }
vault-io = le coffre n'a pas pu être lu ou écrit : { $reason }
hint-nothing-changed-maybe = réessayez ; si cela se reproduit, gardez une copie du dossier du coffre et demandez de l'aide
vault-no-data-dir = impossible de trouver un dossier de données pour le coffre
hint-no-data-dir = indiquez --vault DOSSIER ou définissez PAMPHLET_VAULT
key-damaged = key.age est endommagé
key-excessive-work = key.age demande un facteur de travail scrypt de { $required }, plus que cet ordinateur n'accepte (environ { $target })
key-io = key.age n'a pas pu être lu ou écrit : { $reason }
key-other = les clés du coffre : { $detail }
next-key-damaged = key.next.age, la nouvelle clé d'un changement de clé interrompu, est endommagé
next-key-excessive-work = key.next.age demande un facteur de travail scrypt de { $required }, plus que pamphlet n'en accepte ({ $target })
next-key-io = key.next.age n'a pas pu être lu : { $reason }
hint-restore-vault-dir = la base utilise déjà la clé de key.next.age ; restaurez tout le dossier du coffre depuis une sauvegarde
vault-wiped = le coffre a été effacé pendant que cette commande s'exécutait
hint-vault-wiped = il n'y a plus rien à modifier ; lancez pamphlet init pour créer un nouveau coffre, ou restaurez le dossier du coffre depuis une sauvegarde
record-id-taken = une fiche avec l'identifiant { $id } existe déjà
hint-edit-instead = modifiez-la avec `pamphlet edit`, ou n'indiquez pas d'identifiant
record-vanished = la fiche a été supprimée pendant cette commande
hint-try-again = réessayez
field-invalid = { $detail }
hint-check-flag = vérifiez { $flag } ; rien n'a été enregistré

## Passphrases

prompt-vault-passphrase = Phrase secrète du coffre :{" "}
prompt-new-passphrase = Nouvelle phrase secrète :{" "}
prompt-same-again = La même phrase encore une fois :{" "}
prompt-bundle-passphrase = Phrase secrète du paquet :{" "}
env-not-utf8 = { $name } n'est pas en UTF-8
hint-env-utf8 = mettez-y la phrase secrète en texte simple, ou utilisez --passphrase-file
passphrases-differ = les deux phrases secrètes sont différentes ; rien n'a été modifié
hint-type-again = tapez deux fois la même phrase secrète
passphrase-empty = la phrase secrète est vide
hint-passphrase-words = un coffre a besoin d'une phrase secrète ; quelques mots sans rapport entre eux en font une solide
passphrase-too-short = la phrase secrète a { $count ->
    [one] { $count } caractère
   *[other] { $count } caractères
} ; celle d'un coffre doit en avoir au moins { $min }
hint-passphrase-too-short = qui prend l'ordinateur peut essayer autant de phrases qu'il veut : utilisez { $min } caractères ou plus, par exemple quatre mots sans rapport (ou ajoutez --weak)
warning-short-passphrase = attention : une phrase secrète aussi courte peut être devinée ; quelques mots sans rapport sont plus solides
passphrase-file-unreadable = impossible de lire le fichier de phrase secrète { $file } : { $reason }
hint-passphrase-file-unreadable = vérifiez le nom donné à --passphrase-file
no-terminal-for-passphrase = aucune phrase secrète donnée et aucun terminal pour la demander
hint-passphrase-file = indiquez --passphrase-file FICHIER ou définissez { $name }
cli-unlocking = ouverture…

## Records

cli-created = coffre créé dans { $dir }
cli-no-changes = aucun changement pour « { $name } » ({ $id })
cli-updated = { $name } mis à jour ({ $id })
cli-removed = { $name } supprimé ({ $id })
cli-no-match = aucune fiche ne correspond à « { $query } »
cli-more-matches = { $count } résultats affichés sur { $total } ; --limit N en montre plus
cli-passphrase-changed = phrase secrète changée
cli-rekeyed = { $count ->
    [one] { $count } fiche scellée sous une nouvelle clé du coffre ; pamphlet refuse désormais l'ancien key.age ; sauvegardez le nouveau (la base a été réécrite sans les anciennes copies ; des copies hors de portée de pamphlet, comme les sauvegardes, peuvent rester : voir SECURITY.md)
   *[other] { $count } fiches scellées sous une nouvelle clé du coffre ; pamphlet refuse désormais l'ancien key.age ; sauvegardez le nouveau (la base a été réécrite sans les anciennes copies ; des copies hors de portée de pamphlet, comme les sauvegardes, peuvent rester : voir SECURITY.md)
}
cli-rekeyed-copies-kept = { $count ->
    [one] { $count } fiche scellée sous une nouvelle clé du coffre ; pamphlet refuse désormais l'ancien key.age ; sauvegardez le nouveau
   *[other] { $count } fiches scellées sous une nouvelle clé du coffre ; pamphlet refuse désormais l'ancien key.age ; sauvegardez le nouveau
}
warning-old-copies-disk-full = attention : la modification est enregistrée, mais les anciennes copies qu'elle remplace sont encore dans les fichiers du coffre, lisibles avec la clé du coffre : le disque n'a pas la place de réécrire la base (il faut autant d'espace libre que db/ en occupe). Libérez de la place, puis lancez n'importe quelle commande pamphlet qui ouvre le coffre : les anciennes copies seront alors supprimées
warning-old-copies-cannot = attention : la modification est enregistrée, mais les anciennes copies qu'elle remplace sont encore dans les fichiers du coffre, lisibles avec la clé du coffre : la base ne peut pas être réécrite là où elle est (ce système de fichiers ne sait pas échanger deux dossiers d'un coup, ou db est un lien symbolique). Gardez le coffre sur un système de fichiers Linux local comme ext4, avec db un dossier ordinaire : les anciennes copies y seront supprimées à la prochaine ouverture
warning-old-copies-failed = attention : la modification est enregistrée, mais les anciennes copies qu'elle remplace sont encore dans les fichiers du coffre, lisibles avec la clé du coffre : la réécriture de la base a échoué. Lancez n'importe quelle commande pamphlet qui ouvre le coffre pour réessayer
query-too-long = la recherche fait { $count } caractères ; elle peut en avoir au plus { $max }
hint-query-too-long = cherchez moins de mots à la fois
position-record = fiche { $n }
position-line = ligne { $n }
json-syntax = { $file } : JSON non valide à la ligne { $line }, colonne { $column } : { $problem }
json-record-problem = { $file } : { $at } : { $problem }
json-duplicate-id = { $file } : { $at } : l'identifiant { $id } est déjà utilisé par { $first }
hint-nothing-stored = rien n'a été enregistré

## Wiping

wipe-word = EFFACER
prompt-wipe = Ceci détruit pour de bon le coffre de { $dir }. Tapez { $word } pour continuer :{" "}
wipe-no-terminal = aucun terminal pour confirmer
hint-wipe-yes = ajoutez --yes pour effacer sans confirmation
wipe-not-confirmed = rien n'a été effacé
hint-wipe-word = tapez { $word } (ou WIPE) pour effacer le coffre
cli-wiped = { $dir } effacé en { $ms } ms

## Bundles

export-passphrase-and-recipients = un paquet est chiffré avec une phrase secrète ou pour des destinataires, pas les deux
hint-passphrase-or-recipients = indiquez --bundle-passphrase-file ou --recipient, pas les deux
export-nothing = aucune fiche ne correspond à « { $query } » ; rien n'a été exporté
export-no-out = un paquet doit être écrit dans un fichier : indiquez --out FICHIER
print-nothing = aucune fiche ne correspond à « { $query } » ; rien à imprimer
hint-search-first = essayez d'abord ces mots avec `pamphlet search`
cli-signing = signature et chiffrement de { $count } fiches…
cli-exported = { $count ->
    [one] { $count } fiche exportée dans { $file } (numéro { $sequence }, { $bytes } octets)
   *[other] { $count } fiches exportées dans { $file } (numéro { $sequence }, { $bytes } octets)
}
cli-your-fingerprint = votre empreinte : { $fingerprint } (lisez-la à voix haute à la personne qui importera le paquet)
expires-not-a-date = --expires « { $text } » n'est pas une date
expires-too-far = la date de --expires est trop lointaine
hint-expires = indiquez le dernier jour où le paquet peut être importé, sous la forme AAAA-MM-JJ
verify-signature = signature :
verify-good = valide
verify-signer = signataire :
verify-signer-trusted = { $name } ({ $fingerprint })
verify-signer-untrusted = pas de confiance ({ $fingerprint })
verify-sequence = numéro :
verify-created = créé :
verify-expires = expire :
verify-records = fiches :
verify-selection = sélection :
verify-redacted = retirés :
verify-import = import :
verify-would-be-refused = serait refusé : { $why }
verify-next = ensuite :
verify-next-trusted = `pamphlet import --dry-run { $file }` montre ce qui changerait ; puis `pamphlet import { $file }`
verify-next-untrusted = `pamphlet import --dry-run { $file }` montre ce qui changerait ; puis, si la personne qui a signé vous lit { $fingerprint } : `pamphlet import --trust-fingerprint "{ $fingerprint }" { $file }`
default-signer-name = signataire { $fingerprint }
cli-dry-run-changed-nothing = essai : rien n'a été modifié
cli-dry-run-would-leave = { $count ->
    [one] essai : { $count } fiche sortirait ; rien n'a été écrit
   *[other] essai : { $count } fiches sortiraient ; rien n'a été écrit
}
cli-next-trust-fingerprint = ensuite : demandez à la personne qui a signé de vous lire son empreinte ; si c'est { $fingerprint }, importez avec `pamphlet import --trust-fingerprint "{ $fingerprint }" { $file }`
cli-dry-run-vault-limit = import : serait refusé : porterait le coffre à { $after } fiches, au-delà de la limite de { $limit } (--allow-large le permet)
cli-now-trusting = vous faites maintenant confiance à { $name } ({ $fingerprint })
cli-imported = importé : { $summary }
cli-bundle-from = { $count ->
    [one] paquet nº { $sequence } de { $fingerprint } : { $count } fiche
   *[other] paquet nº { $sequence } de { $fingerprint } : { $count } fiches
}
bundle-not-a-bundle = ce n'est pas un paquet pamphlet : { $detail }
bundle-not-a-bundle-file = { $file } n'est pas un paquet pamphlet : { $looks }
bundle-too-big = { $file } n'est pas un paquet pamphlet : le fichier fait { $bytes } octets, plus que tout paquet ({ $max })
looks-json = on dirait un fichier JSON de fiches
looks-csv = on dirait un tableur (CSV)
looks-hsds = on dirait un paquet de données HSDS
looks-empty = le fichier est vide
looks-other = un paquet est le fichier chiffré qu'écrit `pamphlet export`
hint-use-load = pour ajouter ses fiches, lancez `pamphlet load { $file }`
hint-use-import-csv = pour ajouter ses lignes, lancez `pamphlet import-csv { $file }`
hint-use-import-hsds = si c'est un .zip, décompressez-le ; puis lancez `pamphlet import-hsds` sur son dossier
hint-not-a-bundle = demandez à la personne qui l'a envoyé le fichier de paquet qu'a écrit `pamphlet export`
bundle-needs-passphrase = ce paquet est chiffré avec une phrase secrète
hint-bundle-passphrase = indiquez --bundle-passphrase-file FICHIER, ou tapez-la quand elle est demandée
bundle-not-for-us = ce paquet n'est pas chiffré pour la clé de ce coffre
hint-not-for-us = demandez à la personne qui l'envoie d'exporter pour votre destinataire age (`pamphlet keys show`)
bundle-undecryptable = le paquet ne se déchiffre pas : mauvaise phrase secrète, ou fichier endommagé
hint-undecryptable = vérifiez la phrase secrète de la réunion ; si elle est bonne, demandez une nouvelle copie du paquet
bundle-malformed = le paquet est mal formé : { $detail }
hint-bundle-damaged = demandez une nouvelle copie du paquet à la personne qui l'a envoyé ; rien n'a été importé
redact-unknown = impossible de retirer « { $field } » ; on peut retirer address, phones, email, website, notes
hint-redact = donnez à --redact une liste séparée par des virgules, comme address,notes
bundle-newer = le paquet est au format { $found } ; ce pamphlet ne peut pas le lire
hint-upgrade-bundle = installez un pamphlet plus récent pour lire ce paquet ; rien n'a été importé
bundle-bad-signature = la signature de { $part } n'est pas valide : le paquet a été modifié après avoir été signé
bundle-mismatch = l'inventaire ne correspond pas aux fiches : { $detail }
bundle-invalid-record = une fiche du paquet n'est pas valide : { $detail }
bundle-untrusted = le paquet est signé par une clé à laquelle vous ne faites pas confiance (empreinte { $fingerprint })
hint-untrusted = comparez l'empreinte avec la personne qui a signé, à voix haute ; `pamphlet import --dry-run` montre ce que contient le paquet ; si l'empreinte est la sienne, importez avec --trust-fingerprint "{ $fingerprint }"
bundle-bad-fingerprint = « { $text } » n'est pas une empreinte
hint-fingerprint-form = une empreinte est faite de cinq groupes de quatre chiffres et lettres de A à F, comme « A75A AA8D 588F 3507 6771 » ; les espaces et la casse ne comptent pas
bundle-fingerprint-mismatch = la personne qui a signé le paquet a l'empreinte { $actual }, pas { $given } ; personne n'a été ajouté aux signataires de confiance et rien n'a été importé
hint-fingerprint-mismatch = demandez à la personne qui signe de relire son empreinte sur son propre écran ; si elle diffère encore, le paquet ne vient pas d'elle
bundle-replayed = ce paquet porte le numéro { $sequence } de { $signer }, mais le numéro { $last_seen } a déjà été importé : un ancien paquet remis en circulation ?
hint-replayed = demandez à la personne qui signe son paquet le plus récent ; rien n'a été importé
bundle-expired = le paquet a expiré le { $day }
hint-expired = demandez un paquet plus récent à la personne qui signe ; rien n'a été importé
bundle-bad-recipient = ce n'est pas un destinataire age : { $text }
hint-recipient = un destinataire age commence par age1 ; `pamphlet keys show` affiche le vôtre
bundle-excessive-work = la phrase de passe du paquet demande un facteur de travail scrypt de { $log_n }, mais pamphlet ouvre des paquets d'au plus { $max }
hint-excessive-work = l'ouvrir prendrait { $memory } de mémoire ; demandez à l'expéditeur de l'exporter à nouveau avec pamphlet, ou vers votre destinataire age (`pamphlet keys show`)
bundle-too-large = le paquet est trop grand : { $detail }
hint-bundle-too-large = un paquet contient au plus 200 000 fiches et 160 Mio : demandez à l'expéditeur de le diviser avec des recherches plus étroites, par ville ou par besoin
bundle-vault-limit = l'importer porterait le coffre à { $after } fiches, au-delà de la limite de { $limit }
hint-allow-large = ajoutez --allow-large pour l'importer quand même : chaque fiche est gardée en mémoire et cherchée à chaque touche

## Keys

keys-signing-key = clé de signature (minisign)
keys-age-recipient = destinataire age
keys-fingerprint = empreinte
keys-none-yet = aucun signataire de confiance pour l'instant ; ajoutez-en un avec `pamphlet keys trust NOM CLÉ`
keys-list-line = { $last ->
    [0] { $name }  { $fingerprint }  (dernier paquet : aucun)
   *[other] { $name }  { $fingerprint }  (dernier paquet : nº { $last })
}
keys-name-empty = une clé de confiance a besoin d'un nom
hint-keys-name = donnez un nom que vous reconnaîtrez, comme « Rosa (Portland) »
keys-not-a-key = ce n'est pas une clé publique minisign
hint-keys-copy = copiez la ligne `clé de signature` qu'affiche `pamphlet keys show` (RW…)
keys-name-taken = une clé nommée « { $name } » a déjà votre confiance
keys-already-trusted = cette clé a déjà votre confiance sous le nom « { $name } »
keys-no-such-name = aucune clé de confiance nommée « { $name } »
hint-keys-list = `pamphlet keys list` affiche les noms
cli-untrusted = vous ne faites plus confiance à { $name }
keys-secret-to-terminal = refus d'afficher une clé secrète dans le terminal
hint-secret-to-file = redirigez-la vers un fichier sur un disque chiffré, ou ajoutez --force
warning-secret-identity = attention : ceci est votre identité age secrète ; qui la détient peut ouvrir les paquets qu'on vous envoie

## Spreadsheets and data packages

cli-wrote-hsds = { $count } services écrits dans { $dir } ({ $files } fichiers, paquet de données tabulaire HSDS 3.0)
warning-hsds-addresses = attention : addresses.csv laisse vide ce qu'exige HSDS 3.0 : { $rows ->
    [one] postal_code dans sa seule ligne
   *[other] postal_code dans les { $rows } lignes
} (pamphlet ne garde pas de codes postaux){ $without_street ->
    [0] {""}
    [one] { $rows ->
        [one] {" "}et address_1 dans celle-ci
       *[other] {" "}et address_1 dans 1 d'entre elles
    } (fiches avec une ville, une région ou un pays mais sans rue)
   *[other] {" "}et address_1 dans { $without_street } d'entre elles (fiches avec une ville, une région ou un pays mais sans rue)
} ; les validateurs HSDS signaleront ces cellules
cli-read-services = { $count ->
    [one] { $count } service lu ; { $summary }
   *[other] { $count } services lus ; { $summary }
}
hsds-missing-table = { $dir } n'a pas de { $file } ; est-ce un paquet de données tabulaire HSDS ?
hsds-problem = { $detail }
hint-hsds-dir = indiquez le dossier qu'a écrit `pamphlet export-hsds`
cli-rows-have-problems = { $count } lignes sur { $rows } ont des problèmes :
csv-rows-have-problems = { $count } lignes sur { $rows } ont des problèmes
hint-csv-fix-rows = corrigez les lignes ci-dessus et relancez import-csv ; rien n'a été enregistré
csv-not-utf8 = la ligne { $line } n'est pas en UTF-8 (octet { $byte })
hint-csv-utf8 = enregistrez le tableur en « CSV UTF-8 » (ou convertissez-le avec iconv) et réessayez ; rien n'a été enregistré
csv-empty = le fichier est vide ; une ligne d'en-tête était attendue, comme `name,category,city,phone`
hint-csv-header = la première ligne nomme les colonnes ; seules name et category sont obligatoires
csv-problem = { $detail }
csv-would-change = { $detail }
hint-csv-would-change = regardez ce champ avec `pamphlet show ID`, ou copiez les fiches en JSON Lines avec `pamphlet dump`
separator-tab = tabulation
cli-rows-ready = { $count ->
    [one] { $count } ligne prête (séparateur { $separator })
   *[other] { $count } lignes prêtes (séparateur { $separator })
}
cli-columns = colonnes : { $columns }
cli-ignored-columns = colonnes ignorées : { $columns }
cli-row-ready = {"  "}ligne { $line } : { $name } [{ $category }] { $city }
cli-dry-run-stored-nothing = essai : rien n'a été enregistré
cli-stored = enregistré : { $summary }
cli-wrote-records = { $count ->
    [one] { $count } fiche écrite dans { $file }
   *[other] { $count } fiches écrites dans { $file }
}
cli-wrote-sheet = { $count ->
    [one] feuille de { $count } adresse écrite dans { $file }
   *[other] feuille de { $count } adresses écrite dans { $file }
}

## The terminal UI, seen from the command line

tui-no-terminal = l'interface de pamphlet a besoin d'un terminal
hint-tui-no-terminal = lancez pamphlet dans un terminal, ou utilisez une commande comme `pamphlet search`
tui-stopped = arrêté par { $signal }
hint-tui-stopped = relancez pamphlet ; le coffre a été verrouillé
tui-terminal = le terminal a échoué : { $reason }

## The printed sheet

sheet-default-title = Adresses de confiance
sheet-subtitle = Imprimé le { $date } · { $count ->
    [one] { $count } adresse
   *[other] { $count } adresses
}
sheet-subtitle-matching = Imprimé le { $date } · { $count ->
    [one] { $count } adresse
   *[other] { $count } adresses
} pour « { $query } »
sheet-defunct-left-out = { $count } fermées retirées
sheet-footer = Imprimé le { $date } avec pamphlet. Vérifiez avant de partager : les gens et les lieux changent.
sheet-no-city = Ville non précisée
sheet-inactive = inactif
sheet-phone = tél.
sheet-category-lawyer = Avocats
sheet-category-clinic = Cliniques
sheet-category-therapist = Thérapeutes
sheet-category-translator = Interprètes
sheet-category-bail_fund = Fonds de caution
sheet-category-housing = Logement
sheet-category-support_group = Groupes de soutien
sheet-category-other = Autres
sheet-fact-languages = Langues
sheet-fact-cost = Coût
sheet-fact-hours = Horaires
sheet-fact-address = Adresse
sheet-fact-email = Courriel
sheet-fact-website = Site
sheet-fact-description = À propos
sheet-fact-notes = Notes
sheet-fact-verified_on = Vérifié

## How a search read its query
reading-optional = (facultatifs : { $words })
reading-missing = aucune fiche ne mentionne « { $word } »
reading-speaks = parle { $language }
reading-word = « { $word } »
reading-phrase = « { $text } » tel quel
reading-filter = { $field } : { $value }
reading-excluded = sans « { $text } »
search-read-as = compris comme : { $reading }
search-partial-heading = Correspondances partielles ({ $count } sur { $total }), pas avec toute la recherche :
select-partial-not-taken = { $count ->
    [one] { $count } fiche correspond à une partie de la recherche ; seules les fiches qui correspondent à toute la recherche sont prises
   *[other] { $count } fiches correspondent à une partie de la recherche ; seules les fiches qui correspondent à toute la recherche sont prises
}
export-csv-nothing = aucune fiche ne correspond à « { $query } » ; aucune fiche écrite
## The terminal UI

tui-key-help = aide
tui-key-wipe = effacer le coffre
tui-key-wipe-now = effacer, une fois EFFACER tapé
tui-key-keep-vault = garder le coffre
tui-key-unlock = ouvrir
tui-key-open = ouvrir
tui-key-category-filter = filtre par catégorie
tui-key-city-filter = filtre par ville
tui-key-add = ajouter
tui-key-edit = modifier
tui-key-delete = supprimer
tui-key-verified = vérifiée ce jour
tui-key-export = exporter
tui-key-import = importer
tui-key-toggle = cocher
tui-key-open-import = ouvrir, puis importer
tui-key-choose-keep = quoi garder
tui-key-save = enregistrer
tui-key-next-field = champ suivant
tui-key-previous-field = champ précédent
tui-key-yes-delete = oui, supprimer
tui-key-no-keep = non, la garder
tui-key-yes-discard = oui, abandonner les modifications
tui-key-keep-editing = non, continuer
tui-key-previous-result = résultat précédent
tui-key-next-result = résultat suivant
tui-key-previous-record = fiche précédente
tui-key-next-record = fiche suivante
tui-key-scroll-up = monter
tui-key-scroll-down = descendre
tui-key-page-up = page précédente
tui-key-page-down = page suivante
tui-key-clear-passphrase = effacer la phrase secrète tapée
tui-key-clear-search = effacer la recherche, puis les filtres
tui-key-back-to-list = retour
tui-key-cancel = annuler
tui-key-reject = refuser ou fermer
tui-key-close-help = fermer l’aide
tui-key-backspace = effacer la lettre avant le curseur
tui-key-delete-char = effacer la lettre sous le curseur
tui-key-delete-word = effacer le mot avant le curseur
tui-key-delete-to-start = effacer jusqu’au début du champ
tui-key-left = curseur à gauche (dans un choix : l’option précédente)
tui-key-right = curseur à droite (dans un choix : l’option suivante)
tui-key-home = curseur au début
tui-key-end = curseur à la fin
tui-key-lock = verrouiller
tui-key-quit = quitter
tui-key-letters = lettres
tui-type-passphrase = tapez la phrase secrète (jamais affichée)
tui-type-search = cherchent aussitôt (? ouvre l’aide si la recherche est vide)
tui-type-secret-field = s’écrivent dans le champ (les phrases secrètes ne sont jamais affichées)
tui-type-wipe = tapez EFFACER ou WIPE (majuscules ou minuscules) pour détruire le coffre
tui-type-field = s’écrivent dans le champ
tui-screen-unlock = Ouvrir
tui-screen-list = Recherche et liste
tui-screen-detail = Fiche
tui-screen-form = Ajouter ou modifier
tui-screen-confirm = Question avant de supprimer
tui-screen-discard = Question avant d’abandonner
tui-screen-export = Exporter un paquet
tui-screen-import = Importer un paquet
tui-screen-wipe = Question avant d’effacer le coffre
tui-screen-help = Aide
tui-help-title = Aide — Esc ferme, ↑/↓ défilent
tui-help-here = { $screen } (cet écran)
tui-help-everywhere = Sur tous les écrans
tui-help-editing = Dans un champ de texte
tui-help-mouse-and-marks = Souris et marques
tui-help-mouse-key = souris
tui-help-mouse = la molette fait défiler ; un clic choisit une fiche, un second l’ouvre
tui-help-stale = pas vérifiée depuis 6 mois, ou jamais : à vérifier avant d’orienter
tui-help-marks = Les lettres trouvées par la recherche sont mises en valeur. L’écran se verrouille seul quand aucune touche n’est pressée pendant un moment.
tui-search-prompt = Chercher ›
tui-search-within = dans { $filters }
tui-list-all = Toutes les fiches
tui-list-results = Résultats pour « { $query } »
tui-list-searching = Recherche…
tui-list-empty = Le répertoire est vide. ^A ajoute une fiche ; ^O importe un paquet.
tui-list-none = Aucune fiche ne correspond. Esc efface la recherche ; moins de mots, ou plus courts, trouvent plus.
tui-record = Fiche
tui-status-searching = recherche…
tui-status-legend = ! = à vérifier · verrouillage après { $minutes } min
tui-status-count = { $shown } / { $total ->
    [one] { $total } fiche
   *[other] { $total } fiches
}
tui-status-partial = { $shown } affichées sur { $matching } / { $total ->
    [one] { $total } fiche
   *[other] { $total } fiches
}
tui-list-read-as = Compris comme : { $reading }
tui-list-none-in-full = Aucune fiche ne correspond à toute la recherche.
tui-list-fewer-words = Esc efface la recherche ; moins de mots, ou plus courts, trouvent plus.
tui-list-partial-heading = Ne correspondent qu’à une partie ({ $count }) ; ni choisies, ni exportées :
tui-status-part-match = { $count } en partie
tui-help-defunct = fermée : n’existe plus, ne pas orienter (en fin de liste)
tui-help-searching-title = Chercher
tui-help-searching = Tapez des mots ou une phrase : avocat qui parle anglais à paris. Les petits mots (qui, à, de…) sont facultatifs ; une ville, une catégorie ou « parle X » les demandent. La ligne au-dessus de la liste dit comment la recherche a été comprise. Filtres : city: cat: lang: tag: country: (en cinq langues : lang:francés, country:espagne), "mots exacts", !mot pour exclure. Si rien ne correspond en entier, les correspondances partielles sont listées à part, jamais exportées.

## The terminal UI: locked screen, questions, wiped

tui-locked-start = Le répertoire est verrouillé.
tui-locked = Verrouillé.
tui-locked-gone = Les fiches ne sont plus en mémoire.
tui-old-copies-disk-full = Vos modifications sont enregistrées, mais d'anciennes copies restent dans les fichiers du coffre : le disque est trop plein pour réécrire la base. Libérez de la place, puis rouvrez le coffre : elles seront alors supprimées.
tui-old-copies-cannot = Vos modifications sont enregistrées, mais d'anciennes copies restent dans les fichiers du coffre : ce système de fichiers ne permet pas de réécrire la base sur place (voir SECURITY.md).
tui-old-copies-failed = Vos modifications sont enregistrées, mais d'anciennes copies restent dans les fichiers du coffre : la réécriture de la base a échoué. Rouvrez le coffre pour réessayer.
tui-locked-idle = Verrouillé après { $minutes } min sans toucher au clavier.
tui-passphrase-label = Phrase secrète :
tui-unlocking = Ouverture… le calcul de la clé prend une ou deux secondes.
tui-unlock-type = Tapez la phrase secrète, puis Entrée.
tui-unlock-wrong = Ce n’est pas la bonne phrase secrète. Réessayez.
tui-unlock-in-use = Un autre pamphlet utilise le coffre. Fermez-le, puis réessayez.
tui-unlock-failed = Impossible d’ouvrir : { $reason }
tui-demo-passphrase = Répertoire d’essai : la phrase secrète est « { $passphrase } ».
tui-delete-title = Supprimer ?
tui-delete-question = Supprimer « { $name } » ?
tui-delete-for-good = Elle est retirée de ce coffre pour de bon.
tui-discard-title = Abandonner les modifications ?
tui-discard-not-saved = Ce que vous avez tapé dans ce formulaire n’est pas enregistré.
tui-discard-save-hint = ^S dans le formulaire l’enregistre.
tui-discard-yes = les abandonner
tui-discard-yes-quit = les abandonner et quitter
tui-wipe-title = Effacer le coffre ?
tui-wipe-question = Détruire ce coffre maintenant ?
tui-wipe-for-good = Tout ce qu’il contient disparaît pour de bon ; aucune phrase secrète n’est demandée.
tui-wipe-prompt = Tapez { $word }, puis Entrée :
tui-wipe-not-yet = Rien n’est détruit avant.
tui-wipe-type-word = Tapez { $word }, puis Entrée. Esc garde le coffre.
tui-not-wiped = Pas effacé : { $reason }
tui-wiped = Le coffre a été effacé.
tui-wiped-any-key = Une touche quelconque pour quitter.

## Records: field labels, words, plans

field-id = Id
field-name = Nom
field-organization = Organisation
field-category = Catégorie
field-description = Description
field-city = Ville
field-region = Région
field-country = Pays
field-address = Adresse
field-phones = Téléphone
field-email = Courriel
field-website = Site web
field-languages = Langues
field-hours = Horaires
field-cost = Coût
field-notes = Notes
field-tags = Étiquettes
field-verified_on = Vérifié le
field-status = État
field-updated_at = Mis à jour
field-place = Lieu
field-source = Source
status-active = actif
status-inactive = inactif
status-defunct = fermé

# A phone's kind, beside its number in a record's detail.
phone-kind-voice = voix
phone-kind-text = SMS
phone-kind-cell = portable
phone-kind-fax = fax
phone-kind-video = vidéo
phone-kind-pager = bipeur
phone-kind-textphone = téléphone texte

# Languages a referral speaks, by ISO 639-1 code, in a record's detail.
language-am = amharique
language-ar = arabe
language-bg = bulgare
language-ca = catalan
language-de = allemand
language-el = grec
language-en = anglais
language-es = espagnol
language-eu = basque
language-fa = persan
language-fr = français
language-hi = hindi
language-ht = créole haïtien
language-it = italien
language-ja = japonais
language-ko = coréen
language-nl = néerlandais
language-pa = pendjabi
language-pl = polonais
language-ps = pachto
language-pt = portugais
language-ro = roumain
language-ru = russe
language-so = somali
language-ta = tamoul
language-ti = tigrigna
language-tl = tagalog
language-tr = turc
language-uk = ukrainien
language-ur = ourdou
language-vi = vietnamien
language-wo = wolof
language-yo = yoruba
language-zh = chinois
verified-never = jamais
verified-stale = { $day } (à vérifier : il y a plus de { $months } mois)
vouch-by = recommandé par { $source }
vouch-source = { $name } (paquet nº { $sequence }, importé le { $day })
vouch-edited-here = modifié ici depuis
plan-new = nouvelle
plan-updated = modifiée
plan-unchanged = inchangée
plan-conflict = conflit
plan-added-here = ajoutée ici
plan-taking-bundle = on prend celle du paquet
plan-keeping-local = on garde la locale
import-summary = nouvelles : { $new }, mises à jour : { $updated }, inchangées : { $unchanged }, en conflit : { $conflicts }{ $kept ->
    [local] {" "}(fiches locales gardées)
    [bundle] {" "}(fiches du paquet prises)
   *[none] {""}
} ; fiches écrites : { $written }

## The terminal UI: record, form

tui-detail-status = État : { $status } ; ne pas orienter.
tui-detail-stale-never = ! À vérifier : jamais vérifiée.
tui-detail-stale = ! À vérifier : vérifiée pour la dernière fois le { $day } (il y a plus de { $months } mois).
tui-detail-vouched = Recommandée par { $source }
tui-form-add = Ajouter une fiche
tui-form-edit = Modifier une fiche
tui-form-keys = ^S enregistre, Esc annule
tui-form-fields = Champs
tui-form-choose = choisir
tui-form-phone-n = Téléphone { $n }
tui-hint-phone = numéro ; type ; note — comme +1 503 555 0100; text
tui-hint-choose = ←/→ pour choisir
tui-hint-required = obligatoire
tui-hint-country = deux lettres, comme FR ou BE
tui-hint-languages = noms ou codes, séparés par des virgules
tui-hint-tags = séparées par des virgules, comme no-id, walk-in (\, = virgule)
tui-hint-verified-on = AAAA-MM-JJ, ou today

## The terminal UI: export and import dialogs

tui-label-records = Fiches
tui-label-encrypt-to = Chiffrer pour
tui-label-passphrase = Phrase secrète
tui-label-again = Encore
tui-label-leave-out = Omettre
tui-label-save-to = Enregistrer
tui-label-to = Pour
tui-label-file = Fichier
tui-label-trust-as = Nommer
tui-label-conflicts = Conflits
tui-label-signed-by = Signé par
tui-label-fingerprint = Empreinte
tui-label-bundle = Paquet
tui-export-every-record = toutes les fiches
tui-export-listed-by = listées par « { $query } »
tui-export-in = dans { $within }
tui-export-listed-by-in = listées par « { $query } » dans { $within }
tui-export-within-city = { $city }
tui-export-within-both = { $category } · { $city }
tui-export-to-passphrase = une phrase secrète de réunion
tui-export-to-keyring = des personnes du trousseau
tui-export-no-recipients = Personne dans le trousseau n’a de destinataire age.
tui-export-keys = Signé avec votre clé. Espace coche une case ; Entrée exporte.
tui-export-working = { $count ->
    [one] Signature et chiffrement de { $count } fiche, puis écriture du fichier… (une phrase secrète prend une ou deux secondes)
   *[other] Signature et chiffrement de { $count } fiches, puis écriture du fichier… (une phrase secrète prend une ou deux secondes)
}
tui-export-done = { $count ->
    [one] { $count } fiche exportée dans le paquet nº { $sequence }, vers { $file }.
   *[other] { $count } fiches exportées dans le paquet nº { $sequence }, vers { $file }.
}
tui-export-carry = Apportez-le à la réunion ; qui l’importe verra votre empreinte. Entrée ou Esc ferme.
tui-export-nothing = Aucune fiche n’est listée : il n’y a rien à exporter.
tui-export-short = Tapez deux fois une phrase secrète de réunion d’au moins { $min } caractères.
tui-export-differ = Les deux phrases secrètes diffèrent. Tapez-la à nouveau.
tui-export-no-recipient = Personne dans le trousseau n’a de destinataire age : utilisez une phrase secrète de réunion (←/→ sur Chiffrer pour).
tui-export-choose-recipient = Choisissez au moins un destinataire avec Espace.
tui-export-no-path = Indiquez où va le paquet.
tui-export-is-folder = { $file } est un dossier : ajoutez un nom de fichier.
tui-export-exists = { $file } existe. Entrée à nouveau le remplace ; changez le nom pour le garder.
tui-no-folder = Il n’y a pas de dossier { $dir }.
tui-no-file = Il n’y a pas de fichier { $file }.
tui-not-exported = Pas exporté : { $reason }
tui-import-ask-path = Le chemin du paquet, puis Entrée. Rien ne change avant que vous acceptiez.
tui-import-ask-passphrase = Ce paquet est chiffré par une phrase secrète de réunion. Tapez-la, puis Entrée.
tui-import-type-path = Tapez le chemin du paquet.
tui-import-type-passphrase = Tapez la phrase secrète de la réunion.
tui-import-undecryptable = Impossible de le déchiffrer : mauvaise phrase secrète, ou fichier abîmé. Réessayez, ou Esc.
tui-import-opening = Déchiffrement et vérification de la signature… (une phrase secrète prend une ou deux secondes)
tui-import-importing = Importation…
tui-import-unknown-signer = quelqu’un qui n’est pas dans votre trousseau
tui-import-bundle-made = nº { $sequence }, fait le { $day }
tui-import-bundle-expires = { $made }, expire le { $day }
tui-import-counts = { $count } — nouvelles { $new }, modifiées { $updated }, inchangées { $unchanged }, en conflit { $conflicts }
tui-import-compare = Comparez cette empreinte avec la personne qui a signé, à voix haute. Accepter lui fait confiance dès maintenant.
tui-import-keep-local = garder les fiches locales
tui-import-take-bundle = prendre les fiches du paquet
tui-import-tab-switches = Tab bascule
tui-import-review-keys = Entrée accepte, en une fois. Esc refuse, sans rien changer.
tui-import-changes = Ce qui change ({ $count }) ─ ↑/↓ défile
tui-import-no-changes = Rien : chaque fiche est comme ici.
tui-import-name-signer = Comparez l’empreinte à voix haute, puis tapez le nom sous lequel faire confiance à cette personne.
tui-import-name-taken = Le trousseau a déjà quelqu’un nommé « { $name } ». Choisissez un autre nom.
tui-import-refused = Refusé.
tui-import-refused-keys = Entrée essaie un autre fichier ; Esc ferme.
tui-import-done-keys = Les fiches sont désormais cherchables. Entrée ou Esc ferme.
tui-imported = Importé : { $summary }.
tui-imported-trusting = Importé : { $summary }. Confiance accordée à { $name } ({ $fingerprint }).
tui-refused = { $reason } { $hint }
tui-refused-no-hint = Rien n’a été importé.
tui-refused-not-for-us = Demandez à l’expéditeur de l’exporter vers votre destinataire age (`pamphlet keys show`). Rien n’a été importé.
tui-refused-replayed = Demandez à la personne qui signe son paquet le plus récent. Rien n’a été importé.
tui-refused-expired = Demandez à la personne qui signe un nouveau paquet. Rien n’a été importé.
tui-refused-tampered = N’utilisez pas ce fichier ; prévenez la personne qui signe. Rien n’a été importé.
tui-refused-excessive-work = Demandez à l’expéditeur de l’exporter à nouveau avec pamphlet, ou vers votre destinataire age. Rien n’a été importé.
tui-refused-too-large = Demandez à l’expéditeur de le découper avec des recherches plus précises. Rien n’a été importé.
tui-refused-vault-limit = Cet écran ne peut pas l’importer ; la ligne de commande le peut, si c’est voulu : pamphlet import --allow-large FICHIER. Rien n’a été importé.

## The terminal UI: notices

tui-saved = « { $name } » enregistrée.
tui-saved-not-listed = « { $name } » enregistrée. La recherche ne la liste pas : Esc efface la recherche.
tui-no-changes = Aucune modification de « { $name } ».
tui-not-saved = Pas enregistrée : { $reason }
tui-nothing-changed = Rien n’a changé.
tui-nothing-deleted = Rien n’a été supprimé.
tui-nothing-exported = Rien n’a été exporté.
tui-nothing-imported = Rien n’a été importé.
tui-none-selected = Aucune fiche n’est sélectionnée.
tui-deleted = « { $name } » supprimée.
tui-not-deleted = Pas supprimée : { $reason }
tui-verified-already = « { $name } » est déjà marquée vérifiée aujourd’hui.
tui-verified-marked = « { $name } » marquée vérifiée aujourd’hui.
tui-not-marked = Pas marquée : { $reason }

## How a search was read

query-notice-unknown-field = il n’y a pas de filtre `{ $field }:`, sa valeur a donc été cherchée partout (filtres : city:, cat:, lang:, tag:, country:)
query-notice-unclosed-quote = un guillemet n’est pas fermé : l’expression va jusqu’à la fin de la recherche
query-notice-unknown-category = aucune catégorie ne s’appelle « { $value } », donc rien ne correspond
query-notice-unknown-language = aucune langue ne s’appelle « { $value } », donc rien ne correspond
query-notice-unknown-country = aucun pays ne s’appelle « { $value } », donc rien ne correspond
query-notice-unsearchable = « { $text } » n’a ni lettre ni chiffre à chercher : ignoré

## What a record's fields accept

field-problem = champ `{ $field }` : { $problem }
input-required = est obligatoire
input-not-timestamp = { $text } n’est pas un horodatage RFC 3339 (comme 2026-10-01T12:00:00Z)
input-not-uuid = { $text } n’est pas un UUID
input-unknown-category = catégorie inconnue { $text } (attendu : { $expected })
input-not-country = { $text } n’est pas un code pays ISO 3166-1 à deux lettres (comme FR, BE, CA)
input-not-language = { $text } n’est pas un code de langue ISO 639-1 (comme en, es, fr)
input-not-date = { $text } n’est pas une date de la forme AAAA-MM-JJ
input-unknown-status = état inconnu { $text } (attendu : active, inactive ou defunct)
input-phone-needs-number = un téléphone a besoin d’un numéro
input-not-phone = { $text } ne ressemble pas à un numéro de téléphone
input-unknown-phone-type = type de téléphone inconnu { $text } (attendu : { $expected })
input-too-many = a { $count } éléments ; { $max } au plus sont acceptés
input-too-long = fait { $count } octets ; { $max } au plus sont acceptés
input-line-break = tient sur une ligne, mais contient un saut de ligne (U+{ $code })
input-tab = tient sur une ligne, mais contient une tabulation (U+0009)
input-control = contient le caractère de contrôle U+{ $code }
input-bidi = contient U+{ $code }, une inversion de sens d’écriture qui fait lire le texte dans un autre ordre que celui où il est enregistré

## Réglages gardés dans le coffre (`pamphlet settings`, F2 dans l’interface en terminal)

# Le nom d’une langue dans cette langue, comme une liste de langues le montre.
language-own-name = français
settings-language = langue : { $language }
settings-language-auto = langue : automatique, selon --lang ou, à défaut, LC_ALL, LC_MESSAGES ou LANG (maintenant : { $language })
settings-language-set = langue réglée sur { $language } : pamphlet la parle dès que le coffre est ouvert, sauf si --lang en indique une autre
settings-language-unset = réglage de langue retiré : pamphlet suit --lang ou, à défaut, LC_ALL, LC_MESSAGES ou LANG
tui-key-language = langue
tui-key-choose-language = choisir cette langue
tui-key-previous-choice = choix précédent
tui-key-next-choice = choix suivant
tui-screen-language = Langue
tui-language-title = Langue
tui-language-auto = automatique ({ $language })
tui-language-note = Gardée dans le coffre. L’écran d’ouverture vient avant que le coffre soit ouvert : il suit donc --lang ou la langue du système.
tui-language-not-saved = Non enregistré : { $error }
