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
    [one] { $count } ficha sellada con una nueva llave de la bóveda; pamphlet ya no acepta el key.age anterior; haga una copia de seguridad del nuevo (las copias antiguas dentro del archivo de la base de datos aún no se borran: vea SECURITY.md)
   *[other] { $count } fichas selladas con una nueva llave de la bóveda; pamphlet ya no acepta el key.age anterior; haga una copia de seguridad del nuevo (las copias antiguas dentro del archivo de la base de datos aún no se borran: vea SECURITY.md)
}
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
print-nothing = ninguna ficha coincide con "{ $query }"; no hay nada que imprimir
hint-search-first = pruebe primero las palabras con `pamphlet search`
cli-signing = firmando y cifrando { $count } fichas…
cli-exported = { $count ->
    [one] se exportó { $count } ficha a { $file } (número { $sequence }, { $bytes } bytes)
   *[other] se exportaron { $count } fichas a { $file } (número { $sequence }, { $bytes } bytes)
}
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
default-signer-name = firmante { $fingerprint }
cli-dry-run-changed-nothing = prueba: no se cambió nada
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
hint-untrusted = compare la huella con quien firmó, en voz alta; luego `pamphlet keys trust NOMBRE CLAVE` o importe con --trust-signer
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
tui-key-wipe-now = borrar, tras escribir WIPE
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
tui-key-clear-passphrase = borrar la contraseña escrita
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
tui-type-passphrase = escriba la contraseña (nunca se muestra)
tui-type-search = buscan al instante (? abre la ayuda si la búsqueda está vacía)
tui-type-secret-field = se escriben en el campo (las contraseñas nunca se muestran)
tui-type-wipe = escriba WIPE (mayúsculas o minúsculas) para destruir la bóveda
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
