# Los mensajes de pamphlet en español (neutro, de América Latina).
# Escritos sin revisión de una persona hablante nativa: ver el informe.
#
# Glosario (úsenlo igual en la interfaz):
#   vault → bóveda · record → ficha · referral → contacto (de confianza)
#   bundle → paquete · passphrase → frase secreta · signer → firmante
#   signing key → clave de firma · fingerprint → huella
#   trust → confiar · wipe → borrar (palabra: BORRAR)

## Around every error

error-line = error: { $message }
hint-line = sugerencia: { $hint }
note-line = nota: { $note }
hint-general = `pamphlet --help` muestra los comandos; agregue --help después de un comando para ver qué acepta
detail = { $detail }
at-place = { $place }: { $message }
standard-input = la entrada estándar

## Counting

count-records = { $count ->
    [one] { $count } ficha
   *[other] { $count } fichas
}
put-summary = { $added } agregadas, { $updated } actualizadas, { $unchanged } sin cambios

## Dates

date-long = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Categories

category-lawyer = abogado
category-clinic = clínica
category-therapist = terapeuta
category-translator = traductor
category-bail_fund = fondo de fianzas
category-housing = vivienda
category-support_group = grupo de apoyo
category-other = otro

## A command line that is not understood

usage-unknown-command = `{ $command }` no es un comando de pamphlet
hint-did-you-mean-command = ¿quiso decir `pamphlet { $command }`? `pamphlet --help` muestra todos los comandos
hint-commands = `pamphlet --help` muestra todos los comandos
usage-unknown-option = `{ $option }` no es una opción de este comando
hint-did-you-mean-option = ¿quiso decir `{ $option }`?
hint-help = `pamphlet { $command } --help` muestra qué acepta
usage-bad-value = `{ $value }` no es un valor válido para { $option }
hint-valid-values = acepta uno de estos: { $values }
hint-value-why = { $why }
usage-needs-value = { $option } necesita un valor
usage-missing = falta algo: { $missing }
usage-missing-command = falta el comando
usage-conflict = { $option } no se puede usar junto con { $other }

## Files

file-missing = { $file } no existe
hint-file-missing = revise el nombre y la carpeta; `ls` muestra los archivos de una carpeta
file-unreadable = no se puede leer { $file }: { $reason }
hint-file-unreadable = revise que el archivo esté ahí y que usted tenga permiso para leerlo
file-unwritable = no se puede escribir { $file }: { $reason }
hint-file-unwritable = revise que la carpeta exista, que usted pueda escribir en ella y que el disco tenga espacio
file-exists = { $file } ya existe
hint-file-exists = elija otro nombre con --out, o agregue --force para reemplazarlo
folder-not-empty = { $dir } existe y no está vacía
hint-folder-not-empty = elija una carpeta nueva, o agregue --force para escribir en ella
file-line-not-utf8 = { $file }: la línea { $line } no está en UTF-8
hint-save-utf8 = guarde el archivo en UTF-8 y vuelva a intentarlo; no se guardó nada
io-failed = no se pudo leer o escribir un archivo: { $reason }
io-not-found = no existe
io-permission = usted no tiene permiso
io-is-a-folder = es una carpeta, no un archivo
io-not-a-folder = una parte de la ruta no es una carpeta
io-disk-full = el disco está lleno
io-read-only = el disco es de solo lectura
io-other = { $detail }

## The vault

vault-not-found = no hay ninguna bóveda en { $dir }
hint-vault-not-found = ejecute `pamphlet init` para crear una, o indique una bóveda existente con --vault (o PAMPHLET_VAULT)
vault-exists = ya hay una bóveda en { $dir }
hint-vault-exists = elija otra carpeta con --vault, o use la bóveda que ya está ahí
vault-incomplete = la bóveda de { $dir } está incompleta: falta { $missing }
hint-vault-restore = restaure toda la carpeta de la bóveda desde una copia de respaldo (key.age y db/ juntos); no se cambió nada
vault-in-use = otro pamphlet está usando la bóveda
hint-vault-in-use = cierre el otro pamphlet que usa esta bóveda y vuelva a intentarlo
vault-wrong-passphrase = la frase secreta de esta bóveda no es esa
hint-case-sensitive = la frase secreta distingue mayúsculas y minúsculas
hint-check-passphrase-file = revise la primera línea del archivo de --passphrase-file
hint-check-env = revise { $name }
vault-key-mismatch = key.age no corresponde a la base de datos que está a su lado
hint-restore-key = restaure key.age desde una copia de respaldo; sin él no se pueden leer las fichas
vault-newer = la bóveda tiene el formato { $found }; este pamphlet lee hasta el { $supported }
hint-upgrade = instale un pamphlet más nuevo para abrir esta bóveda; no se cambió nada
vault-damaged = la bóveda está dañada: { $detail }
vault-changed-outside = la bóveda fue modificada fuera de pamphlet: { $detail }
hint-vault-changed-outside = restaure toda la carpeta de la bóveda desde una sola copia de respaldo (key.age y db/ juntos), o guarde esta copia aparte y pida ayuda; no se cambió nada
vault-signing = la clave de firma de la bóveda no pudo firmar
vault-no-record = no hay ninguna ficha con el id { $id }
hint-list-ids = `pamphlet search` o `pamphlet dump` muestran los id
vault-ambiguous-id = { $count } fichas tienen un id que empieza por { $prefix }; escriba más del id
hint-more-of-id = escriba más caracteres del id
vault-disk-full = el disco está lleno: no se pudo escribir la bóveda
hint-disk-full = libere espacio en el disco de la bóveda y vuelva a intentarlo; no se cambió nada
vault-file-too-large = un archivo de la bóveda llegó al límite de tamaño: no se pudo escribir la bóveda
hint-file-too-large = suba el límite (`ulimit -f`) y vuelva a intentarlo; no se cambió nada
vault-read-only = no se puede escribir en la bóveda de { $dir }: { $reason }
hint-read-only = permita escribir en la carpeta de la bóveda (o copie la bóveda a un disco donde se pueda escribir) y vuelva a intentarlo
vault-storage = falló el almacenamiento: { $detail }
vault-io = no se pudo leer o escribir la bóveda: { $reason }
hint-nothing-changed-maybe = vuelva a intentarlo; si pasa otra vez, guarde una copia de la carpeta de la bóveda y pida ayuda
vault-no-data-dir = no se encuentra una carpeta de datos para la bóveda
hint-no-data-dir = indique --vault CARPETA o defina PAMPHLET_VAULT
key-damaged = key.age está dañado
key-excessive-work = key.age pide un factor de trabajo scrypt de { $required }, más de lo que acepta esta computadora (unos { $target })
key-io = no se pudo leer o escribir key.age: { $reason }
key-other = las claves de la bóveda: { $detail }
next-key-damaged = key.next.age, la nueva llave de un cambio de llave interrumpido, está dañado
next-key-excessive-work = key.next.age pide un factor de trabajo scrypt de { $required }, más de lo que pamphlet acepta de él ({ $target })
next-key-io = no se pudo leer key.next.age: { $reason }
hint-restore-vault-dir = la base de datos ya usa la llave de key.next.age; restaure toda la carpeta de la bóveda desde una copia de respaldo
vault-wiped = la bóveda se borró mientras se ejecutaba esta orden
hint-vault-wiped = no queda nada que cambiar; ejecute pamphlet init para empezar una bóveda nueva, o restaure la carpeta de la bóveda desde una copia de respaldo
record-id-taken = ya existe una ficha con el id { $id }
hint-edit-instead = cámbiela con `pamphlet edit`, o no indique el id
record-vanished = la ficha se borró mientras corría este comando
hint-try-again = vuelva a intentarlo
field-invalid = { $detail }
hint-check-flag = revise { $flag }; no se guardó nada

## Passphrases

prompt-vault-passphrase = Frase secreta de la bóveda:{" "}
prompt-new-passphrase = Nueva frase secreta:{" "}
prompt-same-again = La misma frase otra vez:{" "}
prompt-bundle-passphrase = Frase secreta del paquete:{" "}
env-not-utf8 = { $name } no está en UTF-8
hint-env-utf8 = ponga en ella la frase secreta como texto simple, o use --passphrase-file
passphrases-differ = las dos frases secretas no son iguales; no se cambió nada
hint-type-again = escriba la misma frase secreta dos veces
passphrase-empty = la frase secreta está vacía
hint-passphrase-words = una bóveda necesita una frase secreta; unas cuantas palabras sin relación entre sí hacen una frase fuerte
passphrase-too-short = la frase secreta tiene { $count ->
    [one] { $count } carácter
   *[other] { $count } caracteres
}; la de una bóveda necesita al menos { $min }
hint-passphrase-too-short = quien se lleve la computadora puede probar frases sin límite: use { $min } caracteres o más, por ejemplo cuatro palabras sin relación (o agregue --weak)
warning-short-passphrase = aviso: una frase secreta tan corta se puede adivinar; unas cuantas palabras sin relación son más fuertes
passphrase-file-unreadable = no se puede leer el archivo de la frase secreta { $file }: { $reason }
hint-passphrase-file-unreadable = revise el nombre que dio a --passphrase-file
no-terminal-for-passphrase = no se dio ninguna frase secreta y no hay terminal donde pedirla
hint-passphrase-file = indique --passphrase-file ARCHIVO o defina { $name }
cli-unlocking = abriendo…

## Records

cli-created = se creó una bóveda en { $dir }
cli-no-changes = no hay cambios en "{ $name }" ({ $id })
cli-updated = se actualizó { $name } ({ $id })
cli-removed = se borró { $name } ({ $id })
cli-no-match = ninguna ficha coincide con "{ $query }"
cli-more-matches = se muestran { $count } de { $total } resultados; --limit N muestra más
cli-passphrase-changed = se cambió la frase secreta
cli-rekeyed = { $count ->
    [one] { $count } ficha sellada con una nueva llave de la bóveda; pamphlet ya no acepta el key.age anterior; haga una copia de seguridad del nuevo (la base de datos se reescribió sin las copias antiguas; pueden quedar copias fuera del alcance de pamphlet, como las copias de seguridad: vea SECURITY.md)
   *[other] { $count } fichas selladas con una nueva llave de la bóveda; pamphlet ya no acepta el key.age anterior; haga una copia de seguridad del nuevo (la base de datos se reescribió sin las copias antiguas; pueden quedar copias fuera del alcance de pamphlet, como las copias de seguridad: vea SECURITY.md)
}
cli-rekeyed-copies-kept = { $count ->
    [one] { $count } ficha sellada con una nueva llave de la bóveda; pamphlet ya no acepta el key.age anterior; haga una copia de seguridad del nuevo
   *[other] { $count } fichas selladas con una nueva llave de la bóveda; pamphlet ya no acepta el key.age anterior; haga una copia de seguridad del nuevo
}
warning-old-copies-disk-full = aviso: el cambio se guardó, pero las copias antiguas que reemplazó siguen en los archivos de la bóveda, legibles con la llave de la bóveda: no hay espacio en el disco para reescribir la base de datos (necesita tanto espacio libre como ocupa db/). Libere espacio y luego ejecute cualquier orden de pamphlet que abra la bóveda: entonces se eliminan las copias antiguas
warning-old-copies-cannot = aviso: el cambio se guardó, pero las copias antiguas que reemplazó siguen en los archivos de la bóveda, legibles con la llave de la bóveda: la base de datos no se puede reescribir donde está (este sistema de archivos no puede intercambiar dos carpetas de una vez, o db es un enlace simbólico). Guarde la bóveda en un sistema de archivos local de Linux como ext4, con db como carpeta normal: allí las copias antiguas se eliminan al abrirla de nuevo
warning-old-copies-failed = aviso: el cambio se guardó, pero las copias antiguas que reemplazó siguen en los archivos de la bóveda, legibles con la llave de la bóveda: falló la reescritura de la base de datos. Ejecute cualquier orden de pamphlet que abra la bóveda para intentarlo de nuevo
query-too-long = la búsqueda tiene { $count } caracteres; como máximo puede tener { $max }
hint-query-too-long = busque menos palabras a la vez
position-record = ficha { $n }
position-line = línea { $n }
json-syntax = { $file }: el JSON no es válido en la línea { $line }, columna { $column }: { $problem }
json-record-problem = { $file }: { $at }: { $problem }
json-duplicate-id = { $file }: { $at }: el id { $id } ya se usó en { $first }
hint-nothing-stored = no se guardó nada

## Wiping

wipe-word = BORRAR
prompt-wipe = Esto destruye para siempre la bóveda de { $dir }. Escriba { $word } para seguir:{" "}
wipe-no-terminal = no hay terminal donde confirmar
hint-wipe-yes = agregue --yes para borrar sin preguntar
wipe-not-confirmed = no se borró nada
hint-wipe-word = escriba { $word } (o WIPE) para borrar la bóveda
cli-wiped = se borró { $dir } en { $ms } ms

## Bundles

export-passphrase-and-recipients = un paquete se cifra con una frase secreta o para destinatarios, no con ambos
hint-passphrase-or-recipients = indique --bundle-passphrase-file o --recipient, no los dos
export-nothing = ninguna ficha coincide con "{ $query }"; no se exportó nada
export-no-out = un paquete necesita un archivo donde guardarse: indique --out ARCHIVO
print-nothing = ninguna ficha coincide con "{ $query }"; no hay nada que imprimir
hint-search-first = pruebe primero las palabras con `pamphlet search`
cli-signing = firmando y cifrando { $count } fichas…
cli-exported = { $count ->
    [one] se exportó { $count } ficha a { $file } (número { $sequence }, { $bytes } bytes)
   *[other] se exportaron { $count } fichas a { $file } (número { $sequence }, { $bytes } bytes)
}
cli-your-fingerprint = su huella: { $fingerprint } (léala en voz alta a quien lo vaya a importar)
expires-not-a-date = --expires "{ $text }" no es una fecha
expires-too-far = la fecha de --expires está demasiado lejos
hint-expires = indique el último día en que se puede importar el paquete, como AAAA-MM-DD
verify-signature = firma:
verify-good = correcta
verify-signer = firmante:
verify-signer-trusted = { $name } ({ $fingerprint })
verify-signer-untrusted = sin confianza ({ $fingerprint })
verify-sequence = número:
verify-created = creado:
verify-expires = vence:
verify-records = fichas:
verify-selection = selección:
verify-redacted = omitidos:
verify-import = importar:
verify-would-be-refused = se rechazaría: { $why }
verify-next = siguiente paso:
verify-next-trusted = `pamphlet import --dry-run { $file }` muestra lo que cambiaría; luego `pamphlet import { $file }`
verify-next-untrusted = `pamphlet import --dry-run { $file }` muestra lo que cambiaría; luego, si quien firmó le lee { $fingerprint }: `pamphlet import --trust-fingerprint "{ $fingerprint }" { $file }`
default-signer-name = firmante { $fingerprint }
cli-dry-run-changed-nothing = prueba: no se cambió nada
cli-dry-run-would-leave = { $count ->
    [one] prueba: saldría { $count } ficha; no se escribió nada
   *[other] prueba: saldrían { $count } fichas; no se escribió nada
}
cli-next-trust-fingerprint = siguiente paso: pida a quien firmó que le lea su huella; si es { $fingerprint }, importe con `pamphlet import --trust-fingerprint "{ $fingerprint }" { $file }`
cli-dry-run-vault-limit = importación: se rechazaría: llevaría la bóveda a { $after } registros, más allá del límite de { $limit } (--allow-large lo permite)
cli-now-trusting = ahora confía en { $name } ({ $fingerprint })
cli-imported = importado: { $summary }
cli-bundle-from = { $count ->
    [one] paquete n.º { $sequence } de { $fingerprint }: { $count } ficha
   *[other] paquete n.º { $sequence } de { $fingerprint }: { $count } fichas
}
bundle-not-a-bundle = no es un paquete de pamphlet: { $detail }
bundle-not-a-bundle-file = { $file } no es un paquete de pamphlet: { $looks }
bundle-too-big = { $file } no es un paquete de pamphlet: el archivo tiene { $bytes } bytes, más que cualquier paquete ({ $max })
looks-json = parece un archivo JSON de fichas
looks-csv = parece una hoja de cálculo (CSV)
looks-hsds = parece un paquete de datos HSDS
looks-empty = el archivo está vacío
looks-other = un paquete es el archivo cifrado que escribe `pamphlet export`
hint-use-load = para agregar sus fichas, ejecute `pamphlet load { $file }`
hint-use-import-csv = para agregar sus filas, ejecute `pamphlet import-csv { $file }`
hint-use-import-hsds = si es un .zip, descomprímalo; luego ejecute `pamphlet import-hsds` con su carpeta
hint-not-a-bundle = pida a quien se lo envió el archivo de paquete que escribió `pamphlet export`
bundle-needs-passphrase = este paquete está cifrado con una frase secreta
hint-bundle-passphrase = indique --bundle-passphrase-file ARCHIVO, o escríbala cuando se la pida
bundle-not-for-us = este paquete no está cifrado para la clave de esta bóveda
hint-not-for-us = pida a quien lo envía que lo exporte para su destinatario age (`pamphlet keys show`)
bundle-undecryptable = el paquete no se puede descifrar: la frase secreta no es esa, o el archivo está dañado
hint-undecryptable = revise la frase secreta de la reunión; si es correcta, pida una copia nueva del paquete
bundle-malformed = el paquete está mal formado: { $detail }
hint-bundle-damaged = pida a quien lo envió una copia nueva del paquete; no se importó nada
redact-unknown = no se puede omitir "{ $field }"; se pueden omitir address, phones, email, website, notes
hint-redact = indique a --redact una lista separada por comas, como address,notes
bundle-newer = el paquete tiene el formato { $found }; este pamphlet no lo puede leer
hint-upgrade-bundle = instale un pamphlet más nuevo para leer este paquete; no se importó nada
bundle-bad-signature = la firma de { $part } no es válida: el paquete se modificó después de firmarlo
bundle-mismatch = el índice no coincide con las fichas: { $detail }
bundle-invalid-record = una ficha del paquete no es válida: { $detail }
bundle-untrusted = el paquete está firmado con una clave en la que no confía (huella { $fingerprint })
hint-untrusted = compare la huella con quien firmó, en voz alta; `pamphlet import --dry-run` muestra lo que trae el paquete; si la huella es la suya, importe con --trust-fingerprint "{ $fingerprint }"
bundle-bad-fingerprint = "{ $text }" no es una huella
hint-fingerprint-form = una huella son cinco grupos de cuatro cifras y letras de la A a la F, como "A75A AA8D 588F 3507 6771"; los espacios y las mayúsculas no importan
bundle-fingerprint-mismatch = quien firmó el paquete tiene la huella { $actual }, no { $given }; no se confió en nadie ni se importó nada
hint-fingerprint-mismatch = pida a quien firma que vuelva a leer su huella en su propia pantalla; si sigue sin coincidir, el paquete no es suyo
bundle-replayed = este paquete es el número { $sequence } de { $signer }, pero ya se importó el número { $last_seen }: ¿alguien volvió a pasar un paquete viejo?
hint-replayed = pida a quien firma su paquete más nuevo; no se importó nada
bundle-expired = el paquete venció el { $day }
hint-expired = pida a quien firma un paquete más nuevo; no se importó nada
bundle-bad-recipient = no es un destinatario age: { $text }
hint-recipient = un destinatario age empieza por age1; `pamphlet keys show` muestra el suyo
bundle-excessive-work = la frase de paso del paquete pide un factor de trabajo scrypt de { $log_n }, pero pamphlet abre paquetes de como mucho { $max }
hint-excessive-work = abrirlo ocuparía { $memory } de memoria; pida a quien lo envió que lo exporte de nuevo con pamphlet, o a su destinatario age (`pamphlet keys show`)
bundle-too-large = el paquete es demasiado grande: { $detail }
hint-bundle-too-large = un paquete lleva como mucho 200.000 registros y 160 MiB: pida a quien lo envió que lo divida con búsquedas más estrechas, por ciudad o necesidad
bundle-vault-limit = importarlo llevaría la bóveda a { $after } registros, más allá del límite de { $limit }
hint-allow-large = use --allow-large para importarlo de todos modos: cada registro se guarda en memoria y se busca con cada tecla

## Keys

keys-signing-key = clave de firma (minisign)
keys-age-recipient = destinatario age
keys-fingerprint = huella
keys-none-yet = todavía no confía en ningún firmante; agregue uno con `pamphlet keys trust NOMBRE CLAVE`
keys-list-line = { $last ->
    [0] { $name }  { $fingerprint }  (último paquete: ninguno)
   *[other] { $name }  { $fingerprint }  (último paquete: n.º { $last })
}
keys-name-empty = una clave de confianza necesita un nombre
hint-keys-name = dé un nombre que usted reconozca, como "Rosa (Portland)"
keys-not-a-key = no es una clave pública de minisign
hint-keys-copy = copie la línea `clave de firma` que muestra `pamphlet keys show` (RW…)
keys-name-taken = ya confía en una clave llamada "{ $name }"
keys-already-trusted = ya confía en esta clave con el nombre "{ $name }"
keys-no-such-name = no hay ninguna clave de confianza llamada "{ $name }"
hint-keys-list = `pamphlet keys list` muestra los nombres
cli-untrusted = ya no confía en { $name }
keys-secret-to-terminal = no se muestra una clave secreta en la terminal
hint-secret-to-file = envíela a un archivo en un disco cifrado, o agregue --force
warning-secret-identity = aviso: esta es su identidad age secreta; quien la tenga puede abrir los paquetes que le envíen

## Spreadsheets and data packages

cli-wrote-hsds = se escribieron { $count } servicios en { $dir } ({ $files } archivos, paquete de datos tabular HSDS 3.0)
warning-hsds-addresses = aviso: addresses.csv deja vacío lo que HSDS 3.0 exige: { $rows ->
    [one] postal_code en su única fila
   *[other] postal_code en las { $rows } filas
} (pamphlet no guarda códigos postales){ $without_street ->
    [0] {""}
    [one] { $rows ->
        [one] {" "}y address_1 en ella
       *[other] {" "}y address_1 en 1 de ellas
    } (fichas con ciudad, región o país pero sin calle)
   *[other] {" "}y address_1 en { $without_street } de ellas (fichas con ciudad, región o país pero sin calle)
}; los validadores de HSDS marcarán esas celdas
cli-read-services = { $count ->
    [one] se leyó { $count } servicio; { $summary }
   *[other] se leyeron { $count } servicios; { $summary }
}
hsds-missing-table = { $dir } no tiene { $file }; ¿es un paquete de datos tabular HSDS?
hsds-problem = { $detail }
hint-hsds-dir = indique la carpeta que escribió `pamphlet export-hsds`
cli-rows-have-problems = { $count } de { $rows } filas tienen problemas:
csv-rows-have-problems = { $count } de { $rows } filas tienen problemas
hint-csv-fix-rows = corrija las filas de arriba y vuelva a ejecutar import-csv; no se guardó nada
csv-not-utf8 = la línea { $line } no está en UTF-8 (byte { $byte })
hint-csv-utf8 = guarde la hoja de cálculo como "CSV UTF-8" (o conviértala con iconv) y vuelva a intentarlo; no se guardó nada
csv-empty = el archivo está vacío; se esperaba una fila de encabezados como `name,category,city,phone`
hint-csv-header = la primera fila nombra las columnas; solo name y category son obligatorias
csv-problem = { $detail }
csv-would-change = { $detail }
hint-csv-would-change = mire ese campo con `pamphlet show ID`, o copie las fichas como JSON Lines con `pamphlet dump`
separator-tab = tabulador
cli-rows-ready = { $count ->
    [one] { $count } fila lista (separador { $separator })
   *[other] { $count } filas listas (separador { $separator })
}
cli-columns = columnas: { $columns }
cli-ignored-columns = columnas ignoradas: { $columns }
cli-row-ready = {"  "}línea { $line }: { $name } [{ $category }] { $city }
cli-dry-run-stored-nothing = prueba: no se guardó nada
cli-stored = guardado: { $summary }
cli-wrote-records = { $count ->
    [one] se escribió { $count } ficha en { $file }
   *[other] se escribieron { $count } fichas en { $file }
}
cli-wrote-sheet = { $count ->
    [one] se escribió una hoja de { $count } contacto en { $file }
   *[other] se escribió una hoja de { $count } contactos en { $file }
}

## The terminal UI, seen from the command line

tui-no-terminal = la interfaz de pamphlet necesita una terminal
hint-tui-no-terminal = abra pamphlet en una terminal, o use un comando como `pamphlet search`
tui-stopped = detenido por { $signal }
hint-tui-stopped = vuelva a abrir pamphlet; la bóveda quedó cerrada
tui-terminal = falló la terminal: { $reason }

## The printed sheet

sheet-default-title = Contactos de confianza
sheet-subtitle = Impreso el { $date } · { $count ->
    [one] { $count } contacto
   *[other] { $count } contactos
}
sheet-subtitle-matching = Impreso el { $date } · { $count ->
    [one] { $count } contacto
   *[other] { $count } contactos
} para “{ $query }”
sheet-defunct-left-out = { $count } ya cerrados omitidos
sheet-footer = Impreso el { $date } con pamphlet. Revise antes de compartir: las personas y los lugares cambian.
sheet-no-city = Sin ciudad
sheet-inactive = inactivo
sheet-phone = teléfono
sheet-category-lawyer = Abogados
sheet-category-clinic = Clínicas
sheet-category-therapist = Terapeutas
sheet-category-translator = Traductores
sheet-category-bail_fund = Fondos de fianzas
sheet-category-housing = Vivienda
sheet-category-support_group = Grupos de apoyo
sheet-category-other = Otros
sheet-fact-languages = Idiomas
sheet-fact-cost = Costo
sheet-fact-hours = Horario
sheet-fact-address = Dirección
sheet-fact-email = Correo
sheet-fact-website = Web
sheet-fact-description = Acerca de
sheet-fact-notes = Notas
sheet-fact-verified_on = Verificado

## How a search read its query
reading-optional = (opcionales: { $words })
reading-missing = ninguna ficha menciona "{ $word }"
reading-speaks = habla { $language }
reading-word = "{ $word }"
reading-phrase = "{ $text }" tal cual
reading-filter = { $field }: { $value }
reading-excluded = sin "{ $text }"
search-read-as = entendido como: { $reading }
search-partial-heading = Coincidencias parciales ({ $count } de { $total }), no con todo lo buscado:
select-partial-not-taken = { $count ->
    [one] { $count } ficha coincide con parte de la búsqueda; solo se toman las fichas que coinciden con toda
   *[other] { $count } fichas coinciden con parte de la búsqueda; solo se toman las fichas que coinciden con toda
}
export-csv-nothing = ninguna ficha coincide con "{ $query }"; no se escribió ninguna ficha
## The terminal UI

tui-key-help = ayuda
tui-key-wipe = borrar la bóveda
tui-key-wipe-now = borrar, tras escribir BORRAR
tui-key-keep-vault = conservar la bóveda
tui-key-unlock = abrir
tui-key-open = abrir
tui-key-category-filter = filtro de categoría
tui-key-city-filter = filtro de ciudad
tui-key-add = añadir
tui-key-edit = editar
tui-key-delete = borrar
tui-key-verified = verificada hoy
tui-key-export = exportar
tui-key-import = importar
tui-key-toggle = marcar
tui-key-open-import = abrir, importar
tui-key-choose-keep = qué conservar
tui-key-save = guardar
tui-key-next-field = campo siguiente
tui-key-previous-field = campo anterior
tui-key-yes-delete = sí, borrar
tui-key-no-keep = no, conservarla
tui-key-yes-discard = sí, descartar los cambios
tui-key-keep-editing = no, seguir editando
tui-key-previous-result = resultado anterior
tui-key-next-result = resultado siguiente
tui-key-previous-record = ficha anterior
tui-key-next-record = ficha siguiente
tui-key-scroll-up = subir
tui-key-scroll-down = bajar
tui-key-page-up = página anterior
tui-key-page-down = página siguiente
tui-key-clear-passphrase = borrar la frase secreta escrita
tui-key-clear-search = borrar la búsqueda, luego los filtros
tui-key-back-to-list = volver a la lista
tui-key-cancel = cancelar
tui-key-reject = rechazar o cerrar
tui-key-close-help = cerrar la ayuda
tui-key-backspace = borrar la letra antes del cursor
tui-key-delete-char = borrar la letra bajo el cursor
tui-key-delete-word = borrar la palabra antes del cursor
tui-key-delete-to-start = borrar hasta el inicio del campo
tui-key-left = cursor a la izquierda (en una opción: la anterior)
tui-key-right = cursor a la derecha (en una opción: la siguiente)
tui-key-home = cursor al inicio
tui-key-end = cursor al final
tui-key-lock = bloquear
tui-key-quit = salir
tui-key-letters = letras
tui-type-passphrase = escriba la frase secreta (nunca se muestra)
tui-type-search = buscan al instante (? abre la ayuda si la búsqueda está vacía)
tui-type-secret-field = se escriben en el campo (las frases secretas nunca se muestran)
tui-type-wipe = escriba BORRAR o WIPE (mayúsculas o minúsculas) para destruir la bóveda
tui-type-field = se escriben en el campo
tui-screen-unlock = Abrir
tui-screen-list = Búsqueda y lista
tui-screen-detail = Ficha
tui-screen-form = Añadir o editar
tui-screen-confirm = Pregunta antes de borrar
tui-screen-discard = Pregunta antes de descartar
tui-screen-export = Exportar un paquete
tui-screen-import = Importar un paquete
tui-screen-wipe = Pregunta antes de borrar la bóveda
tui-screen-help = Ayuda
tui-help-title = Ayuda — Esc cierra, ↑/↓ desplazan
tui-help-here = { $screen } (esta pantalla)
tui-help-everywhere = En todas las pantallas
tui-help-editing = En un campo de texto
tui-help-mouse-and-marks = Ratón y marcas
tui-help-mouse-key = ratón
tui-help-mouse = la rueda desplaza; un clic elige una ficha, un segundo clic la abre
tui-help-stale = sin verificar en los últimos 6 meses, o nunca: compruebe antes de derivar
tui-help-marks = Las letras que encontró la búsqueda se resaltan. La pantalla se bloquea sola si no se pulsa ninguna tecla durante un rato.
tui-search-prompt = Buscar ›
tui-search-within = en { $filters }
tui-list-all = Todas las fichas
tui-list-results = Resultados de «{ $query }»
tui-list-searching = Buscando…
tui-list-empty = El directorio está vacío. ^A añade una ficha; ^O importa un paquete.
tui-list-none = Ninguna ficha coincide. Esc borra la búsqueda; menos palabras, o más cortas, encuentran más.
tui-record = Ficha
tui-status-searching = buscando…
tui-status-legend = ! = sin verificar · se bloquea tras { $minutes } min
tui-status-count = { $shown } / { $total ->
    [one] { $total } ficha
   *[other] { $total } fichas
}
tui-status-partial = { $shown } mostradas de { $matching } / { $total ->
    [one] { $total } ficha
   *[other] { $total } fichas
}
tui-list-read-as = Entendido como: { $reading }
tui-list-none-in-full = Ninguna ficha coincide con toda la búsqueda.
tui-list-fewer-words = Esc borra la búsqueda; menos palabras, o más cortas, encuentran más.
tui-list-partial-heading = Solo coinciden con parte de la búsqueda ({ $count }); no se pueden elegir ni exportar:
tui-status-part-match = { $count } coinciden en parte
tui-help-defunct = cerrado: ya no existe, no derivar (al final de la lista)
tui-help-searching-title = Buscar
tui-help-searching = Escriba palabras o una frase: abogada que habla francés en parís. Las palabras pequeñas (que, en, de…) son opcionales; una ciudad, una categoría o "habla X" piden eso. La línea sobre la lista dice cómo se entendió. Filtros: city: cat: lang: tag: country: (en cinco idiomas: lang:francés, country:españa), "palabras exactas", !palabra para dejar fuera. Si nada coincide del todo, las coincidencias parciales aparecen aparte y nunca se exportan.

## The terminal UI: locked screen, questions, wiped

tui-locked-start = El directorio está bloqueado.
tui-locked = Bloqueado.
tui-locked-gone = Las fichas ya no están en la memoria.
tui-old-copies-disk-full = Sus cambios están guardados, pero quedan copias antiguas en los archivos de la bóveda: el disco está demasiado lleno para reescribir la base de datos. Libere espacio y vuelva a abrir la bóveda: entonces se eliminan.
tui-old-copies-cannot = Sus cambios están guardados, pero quedan copias antiguas en los archivos de la bóveda: este sistema de archivos no permite reescribir la base de datos en su lugar (vea SECURITY.md).
tui-old-copies-failed = Sus cambios están guardados, pero quedan copias antiguas en los archivos de la bóveda: falló la reescritura de la base de datos. Vuelva a abrir la bóveda para intentarlo de nuevo.
tui-locked-idle = Bloqueado tras { $minutes } min sin pulsar ninguna tecla.
tui-passphrase-label = Frase secreta:
tui-unlocking = Abriendo… obtener la clave tarda un par de segundos.
tui-unlock-type = Escriba la frase secreta y pulse Enter.
tui-unlock-wrong = La frase secreta no es esa. Inténtelo de nuevo.
tui-unlock-in-use = Otro pamphlet está usando la bóveda. Ciérrelo e inténtelo de nuevo.
tui-unlock-failed = No se puede abrir: { $reason }
tui-demo-passphrase = Directorio de prueba: la frase secreta es “{ $passphrase }”.
tui-delete-title = ¿Borrar?
tui-delete-question = ¿Borrar “{ $name }”?
tui-delete-for-good = Se quita de esta bóveda para siempre.
tui-discard-title = ¿Descartar los cambios?
tui-discard-not-saved = Lo que escribió en este formulario no está guardado.
tui-discard-save-hint = ^S en el formulario lo guarda.
tui-discard-yes = descartarlos
tui-discard-yes-quit = descartarlos y salir
tui-wipe-title = ¿Borrar la bóveda?
tui-wipe-question = ¿Destruir esta bóveda ahora?
tui-wipe-for-good = Todo lo que contiene se pierde para siempre; no hace falta la frase secreta.
tui-wipe-prompt = Escriba { $word } y pulse Enter:
tui-wipe-not-yet = Hasta entonces no se destruye nada.
tui-wipe-type-word = Escriba { $word } y pulse Enter. Esc conserva la bóveda.
tui-not-wiped = No se borró: { $reason }
tui-wiped = La bóveda se borró.
tui-wiped-any-key = Cualquier tecla sale.

## Records: field labels, words, plans

field-id = Id
field-name = Nombre
field-organization = Organización
field-category = Categoría
field-description = Descripción
field-city = Ciudad
field-region = Región
field-country = País
field-address = Dirección
field-phones = Teléfono
field-email = Correo
field-website = Web
field-languages = Idiomas
field-hours = Horario
field-cost = Costo
field-notes = Notas
field-tags = Etiquetas
field-verified_on = Verificado
field-status = Estado
field-updated_at = Actualizado
field-place = Lugar
field-source = Fuente
status-active = activo
status-inactive = inactivo
status-defunct = cerrado

# A phone's kind, beside its number in a record's detail.
phone-kind-voice = voz
phone-kind-text = mensajes
phone-kind-cell = móvil
phone-kind-fax = fax
phone-kind-video = vídeo
phone-kind-pager = buscapersonas
phone-kind-textphone = teléfono de texto

# Languages a referral speaks, by ISO 639-1 code, in a record's detail.
language-am = amárico
language-ar = árabe
language-bg = búlgaro
language-ca = catalán
language-de = alemán
language-el = griego
language-en = inglés
language-es = español
language-eu = vasco
language-fa = persa
language-fr = francés
language-hi = hindi
language-ht = criollo haitiano
language-it = italiano
language-ja = japonés
language-ko = coreano
language-nl = neerlandés
language-pa = panyabí
language-pl = polaco
language-ps = pastún
language-pt = portugués
language-ro = rumano
language-ru = ruso
language-so = somalí
language-ta = tamil
language-ti = tigriña
language-tl = tagalo
language-tr = turco
language-uk = ucraniano
language-ur = urdu
language-vi = vietnamita
language-wo = wólof
language-yo = yoruba
language-zh = chino
verified-never = nunca
verified-stale = { $day } (sin verificar: hace más de { $months } meses)
vouch-by = avalado por { $source }
vouch-source = { $name } (paquete n.º { $sequence }, importado el { $day })
vouch-edited-here = editado aquí desde entonces
plan-new = nueva
plan-updated = cambiada
plan-unchanged = igual
plan-conflict = conflicto
plan-added-here = agregada aquí
plan-taking-bundle = se toma la del paquete
plan-keeping-local = se conserva la local
import-summary = nuevas: { $new }, actualizadas: { $updated }, sin cambios: { $unchanged }, en conflicto: { $conflicts }{ $kept ->
    [local] {" "}(se conservaron las fichas locales)
    [bundle] {" "}(se tomaron las fichas del paquete)
   *[none] {""}
}; fichas escritas: { $written }

## The terminal UI: record, form

tui-detail-status = Estado: { $status }; no derivar.
tui-detail-stale-never = ! Sin verificar: nunca se verificó.
tui-detail-stale = ! Sin verificar: verificado por última vez el { $day } (hace más de { $months } meses).
tui-detail-vouched = Avalado por { $source }
tui-form-add = Añadir una ficha
tui-form-edit = Editar una ficha
tui-form-keys = ^S guarda, Esc cancela
tui-form-fields = Campos
tui-form-choose = elegir
tui-form-phone-n = Teléfono { $n }
tui-hint-phone = número; tipo; nota — como +1 503 555 0100; text
tui-hint-choose = ←/→ para elegir
tui-hint-required = obligatorio
tui-hint-country = dos letras, como US o MX
tui-hint-languages = nombres o códigos, separados por comas
tui-hint-tags = separadas por comas, como no-id, walk-in (\, = coma)
tui-hint-verified-on = AAAA-MM-DD, o today

## The terminal UI: export and import dialogs

tui-label-records = Fichas
tui-label-encrypt-to = Cifrar para
tui-label-passphrase = Frase secreta
tui-label-again = Otra vez
tui-label-leave-out = Dejar fuera
tui-label-save-to = Guardar en
tui-label-to = Para
tui-label-file = Archivo
tui-label-trust-as = Nombre
tui-label-conflicts = Conflictos
tui-label-signed-by = Firmado por
tui-label-fingerprint = Huella
tui-label-bundle = Paquete
tui-export-every-record = todas las fichas
tui-export-listed-by = que muestra “{ $query }”
tui-export-in = en { $within }
tui-export-listed-by-in = que muestra “{ $query }” en { $within }
tui-export-within-city = { $city }
tui-export-within-both = { $category } · { $city }
tui-export-to-passphrase = una frase secreta de reunión
tui-export-to-keyring = personas del llavero
tui-export-no-recipients = Nadie en el llavero tiene un destinatario age.
tui-export-keys = Firmado con su clave. Espacio marca una casilla; Enter exporta.
tui-export-working = { $count ->
    [one] Firmando y cifrando { $count } ficha, luego se escribe el archivo… (con frase secreta tarda un par de segundos)
   *[other] Firmando y cifrando { $count } fichas, luego se escribe el archivo… (con frase secreta tarda un par de segundos)
}
tui-export-done = { $count ->
    [one] Se exportó { $count } ficha como paquete n.º { $sequence } a { $file }.
   *[other] Se exportaron { $count } fichas como paquete n.º { $sequence } a { $file }.
}
tui-export-carry = Llévelo a la reunión; quien lo importe verá su huella. Enter o Esc cierra.
tui-export-nothing = No hay fichas en la lista, así que no hay nada que exportar.
tui-export-short = Escriba dos veces una frase secreta de reunión de al menos { $min } caracteres.
tui-export-differ = Las dos frases secretas no coinciden. Escríbala otra vez.
tui-export-no-recipient = Nadie en el llavero tiene un destinatario age: use una frase secreta de reunión (←/→ en Cifrar para).
tui-export-choose-recipient = Elija al menos un destinatario con Espacio.
tui-export-no-path = Indique dónde se guarda el paquete.
tui-export-is-folder = { $file } es una carpeta: añada un nombre de archivo.
tui-export-exists = { $file } ya existe. Enter otra vez lo reemplaza; cambie el nombre para conservarlo.
tui-no-folder = No existe la carpeta { $dir }.
tui-no-file = No existe el archivo { $file }.
tui-not-exported = No se exportó: { $reason }
tui-import-ask-path = La ruta del paquete, luego Enter. Nada cambia hasta que acepte.
tui-import-ask-passphrase = Este paquete está cifrado con una frase secreta de reunión. Escríbala y pulse Enter.
tui-import-type-path = Escriba la ruta del paquete.
tui-import-type-passphrase = Escriba la frase secreta de la reunión.
tui-import-undecryptable = No se puede descifrar: frase secreta incorrecta o archivo dañado. Inténtelo de nuevo, o Esc.
tui-import-opening = Descifrando y revisando la firma… (con frase secreta tarda un par de segundos)
tui-import-importing = Importando…
tui-import-unknown-signer = alguien que no está en su llavero
tui-import-bundle-made = n.º { $sequence }, hecho el { $day }
tui-import-bundle-expires = { $made }, vence el { $day }
tui-import-counts = { $count } — nuevas { $new }, cambiadas { $updated }, iguales { $unchanged }, en conflicto { $conflicts }
tui-import-compare = Compare esta huella con quien firmó, en voz alta. Al aceptar, confía en esa persona desde ahora.
tui-import-keep-local = conservar las fichas locales
tui-import-take-bundle = tomar las fichas del paquete
tui-import-tab-switches = Tab cambia
tui-import-review-keys = Enter acepta, en un solo paso. Esc rechaza, sin cambiar nada.
tui-import-changes = Qué cambia ({ $count }) ─ ↑/↓ desplaza
tui-import-no-changes = Nada: todas las fichas están como aquí.
tui-import-name-signer = Compare la huella en voz alta y escriba un nombre para confiar en quien firmó.
tui-import-name-taken = Ya hay alguien en el llavero llamado “{ $name }”. Elija otro nombre.
tui-import-refused = Rechazado.
tui-import-refused-keys = Enter prueba otro archivo; Esc cierra.
tui-import-done-keys = Las fichas ya se pueden buscar. Enter o Esc cierra.
tui-imported = Importado: { $summary }.
tui-imported-trusting = Importado: { $summary }. Ahora confía en { $name } ({ $fingerprint }).
tui-refused = { $reason } { $hint }
tui-refused-no-hint = No se importó nada.
tui-refused-not-for-us = Pida a quien lo envió que lo exporte a su destinatario age (`pamphlet keys show`). No se importó nada.
tui-refused-replayed = Pida a quien firmó su paquete más reciente. No se importó nada.
tui-refused-expired = Pida a quien firmó un paquete nuevo. No se importó nada.
tui-refused-tampered = No use este archivo; avise a quien firmó. No se importó nada.
tui-refused-excessive-work = Pida a quien lo envió que lo exporte otra vez con pamphlet, o a su destinatario age. No se importó nada.
tui-refused-too-large = Pida a quien lo envió que lo divida con búsquedas más precisas. No se importó nada.
tui-refused-vault-limit = Esta pantalla no puede importarlo; la línea de comandos sí, si de verdad lo quiere: pamphlet import --allow-large ARCHIVO. No se importó nada.

## The terminal UI: notices

tui-saved = Se guardó “{ $name }”.
tui-saved-not-listed = Se guardó “{ $name }”. La búsqueda no la muestra: Esc borra la búsqueda.
tui-no-changes = Sin cambios en “{ $name }”.
tui-not-saved = No se guardó: { $reason }
tui-nothing-changed = No se cambió nada.
tui-nothing-deleted = No se borró nada.
tui-nothing-exported = No se exportó nada.
tui-nothing-imported = No se importó nada.
tui-none-selected = No hay ninguna ficha seleccionada.
tui-deleted = Se borró “{ $name }”.
tui-not-deleted = No se borró: { $reason }
tui-verified-already = “{ $name }” ya está marcada como verificada hoy.
tui-verified-marked = “{ $name }” marcada como verificada hoy.
tui-not-marked = No se marcó: { $reason }

## How a search was read

query-notice-unknown-field = no hay filtro `{ $field }:`, así que su valor se buscó en todas partes (filtros: city:, cat:, lang:, tag:, country:)
query-notice-unclosed-quote = falta cerrar una comilla: la frase llega hasta el final de la búsqueda
query-notice-unknown-category = ninguna categoría se llama "{ $value }", así que nada coincide
query-notice-unknown-language = ningún idioma se llama "{ $value }", así que nada coincide
query-notice-unknown-country = ningún país se llama "{ $value }", así que nada coincide
query-notice-unsearchable = "{ $text }" no tiene letras ni números que buscar, así que se ignoró

## What a record's fields accept

field-problem = campo `{ $field }`: { $problem }
input-required = es obligatorio
input-not-timestamp = { $text } no es una marca de tiempo RFC 3339 (como 2026-10-01T12:00:00Z)
input-not-uuid = { $text } no es un UUID
input-unknown-category = categoría desconocida { $text } (se espera una de: { $expected })
input-not-country = { $text } no es un código de país ISO 3166-1 de dos letras (como US, MX, BR)
input-not-language = { $text } no es un código de idioma ISO 639-1 (como en, es, fr)
input-not-date = { $text } no es una fecha con la forma AAAA-MM-DD
input-unknown-status = estado desconocido { $text } (se espera active, inactive o defunct)
input-phone-needs-number = un teléfono necesita un número
input-not-phone = { $text } no parece un número de teléfono
input-unknown-phone-type = tipo de teléfono desconocido { $text } (se espera uno de: { $expected })
input-too-many = tiene { $count } elementos; se aceptan como máximo { $max }
input-too-long = mide { $count } bytes; se aceptan como máximo { $max }
input-line-break = es de una sola línea, pero contiene un salto de línea (U+{ $code })
input-tab = es de una sola línea, pero contiene un tabulador (U+0009)
input-control = contiene el carácter de control U+{ $code }
input-bidi = contiene U+{ $code }, un cambio de dirección del texto que hace que se lea en otro orden del que está guardado

## Ajustes guardados en la bóveda (`pamphlet settings`, F2 en la interfaz de terminal)

# El nombre de un idioma en ese mismo idioma, como lo muestra una lista de idiomas.
language-own-name = español
settings-language = idioma: { $language }
settings-language-auto = idioma: automático, según --lang o, si no, LC_ALL, LC_MESSAGES o LANG (ahora: { $language })
settings-language-set = idioma cambiado a { $language }: pamphlet lo usa en cuanto se abre la bóveda, salvo que --lang indique otro
settings-language-unset = se quitó el idioma guardado: pamphlet sigue --lang o, si no, LC_ALL, LC_MESSAGES o LANG
tui-key-language = idioma
tui-key-choose-language = usar este idioma
tui-key-previous-choice = opción anterior
tui-key-next-choice = opción siguiente
tui-screen-language = Idioma
tui-language-title = Idioma
tui-language-auto = automático ({ $language })
tui-language-note = Se guarda en la bóveda. La pantalla para abrirla viene antes, así que sigue --lang o el idioma del sistema.
tui-language-not-saved = No se guardó: { $error }
