# As mensagens do pamphlet em português (do Brasil).
# Escritas sem revisão de uma pessoa falante nativa: ver o relatório.
#
# Glossário (usar igual na interface):
#   vault → cofre · record → ficha · referral → contato (de confiança)
#   bundle → pacote · passphrase → frase secreta · signer → signatário
#   signing key → chave de assinatura · fingerprint → impressão digital
#   trust → confiar · wipe → apagar (palavra: APAGAR)

## Around every error

error-line = erro: { $message }
hint-line = dica: { $hint }
note-line = nota: { $note }
hint-general = `pamphlet --help` lista os comandos; acrescente --help depois de um comando para ver o que ele aceita
detail = { $detail }
at-place = { $place }: { $message }
standard-input = a entrada padrão

## Counting

count-records = { $count ->
    [one] { $count } ficha
   *[other] { $count } fichas
}
put-summary = { $added } adicionadas, { $updated } atualizadas, { $unchanged } sem mudança

## Dates

date-long = { $day } de { $month } de { $year }
month-1 = janeiro
month-2 = fevereiro
month-3 = março
month-4 = abril
month-5 = maio
month-6 = junho
month-7 = julho
month-8 = agosto
month-9 = setembro
month-10 = outubro
month-11 = novembro
month-12 = dezembro

## Categories

category-lawyer = advogado
category-clinic = clínica
category-therapist = terapeuta
category-translator = tradutor
category-bail_fund = fundo de fiança
category-housing = moradia
category-support_group = grupo de apoio
category-other = outro

## A command line that is not understood

usage-unknown-command = `{ $command }` não é um comando do pamphlet
hint-did-you-mean-command = você quis dizer `pamphlet { $command }`? `pamphlet --help` lista todos os comandos
hint-commands = `pamphlet --help` lista todos os comandos
usage-unknown-option = `{ $option }` não é uma opção deste comando
hint-did-you-mean-option = você quis dizer `{ $option }`?
hint-help = `pamphlet { $command } --help` mostra o que ele aceita
usage-bad-value = `{ $value }` não é um valor válido para { $option }
hint-valid-values = aceita um destes: { $values }
hint-value-why = { $why }
usage-needs-value = { $option } precisa de um valor
usage-missing = falta algo: { $missing }
usage-missing-command = falta o comando
usage-conflict = { $option } não pode ser usado junto com { $other }

## Files

file-missing = { $file } não existe
hint-file-missing = confira o nome e a pasta; `ls` mostra os arquivos de uma pasta
file-unreadable = não foi possível ler { $file }: { $reason }
hint-file-unreadable = confira se o arquivo está lá e se você tem permissão para lê-lo
file-unwritable = não foi possível gravar { $file }: { $reason }
hint-file-unwritable = confira se a pasta existe, se você pode gravar nela e se o disco tem espaço
file-exists = { $file } já existe
hint-file-exists = escolha outro nome com --out, ou acrescente --force para substituí-lo
folder-not-empty = { $dir } existe e não está vazia
hint-folder-not-empty = escolha uma pasta nova, ou acrescente --force para gravar nela
file-line-not-utf8 = { $file }: a linha { $line } não está em UTF-8
hint-save-utf8 = salve o arquivo em UTF-8 e tente de novo; nada foi guardado
io-failed = não foi possível ler ou gravar um arquivo: { $reason }
io-not-found = ele não existe
io-permission = você não tem permissão
io-is-a-folder = é uma pasta, não um arquivo
io-not-a-folder = uma parte do caminho não é uma pasta
io-disk-full = o disco está cheio
io-read-only = o disco é somente leitura
io-other = { $detail }

## The vault

vault-not-found = nenhum cofre em { $dir }
hint-vault-not-found = rode `pamphlet init` para criar um, ou indique um cofre existente com --vault (ou PAMPHLET_VAULT)
vault-exists = já existe um cofre em { $dir }
hint-vault-exists = escolha outra pasta com --vault, ou use o cofre que já está lá
vault-incomplete = o cofre em { $dir } está incompleto: falta { $missing }
hint-vault-restore = restaure a pasta inteira do cofre a partir de um backup (key.age e db/ juntos); nada foi alterado
vault-in-use = outro pamphlet está usando o cofre
hint-vault-in-use = feche o outro pamphlet que usa este cofre e tente de novo
vault-wrong-passphrase = essa não é a frase secreta deste cofre
hint-case-sensitive = a frase secreta diferencia maiúsculas e minúsculas
hint-check-passphrase-file = confira a primeira linha do arquivo de --passphrase-file
hint-check-env = confira { $name }
vault-key-mismatch = key.age não pertence ao banco de dados ao lado dele
hint-restore-key = restaure key.age a partir de um backup; sem ele as fichas não podem ser lidas
vault-newer = o cofre tem o formato { $found }; este pamphlet lê até o { $supported }
hint-upgrade = instale um pamphlet mais novo para abrir este cofre; nada foi alterado
vault-damaged = o cofre está danificado: { $detail }
vault-changed-outside = o cofre foi alterado fora do pamphlet: { $detail }
hint-vault-changed-outside = restaure a pasta inteira do cofre a partir de um único backup (key.age e db/ juntos), ou guarde esta cópia à parte e peça ajuda; nada foi alterado
vault-signing = a chave de assinatura do cofre não conseguiu assinar
vault-no-record = nenhuma ficha com o id { $id }
hint-list-ids = `pamphlet search` ou `pamphlet dump` listam os ids
vault-ambiguous-id = { $count } fichas têm id começando com { $prefix }; digite mais do id
hint-more-of-id = digite mais caracteres do id
vault-disk-full = o disco está cheio: não foi possível gravar o cofre
hint-disk-full = libere espaço no disco do cofre e tente de novo; nada foi alterado
vault-file-too-large = um arquivo do cofre chegou ao limite de tamanho: não foi possível gravar o cofre
hint-file-too-large = aumente o limite (`ulimit -f`) e tente de novo; nada foi alterado
vault-read-only = não é possível gravar no cofre em { $dir }: { $reason }
hint-read-only = permita gravar na pasta do cofre (ou copie o cofre para um disco onde se possa gravar) e tente de novo
vault-storage = o armazenamento falhou: { $detail }
vault-io = não foi possível ler ou gravar o cofre: { $reason }
hint-nothing-changed-maybe = tente de novo; se acontecer outra vez, guarde uma cópia da pasta do cofre e peça ajuda
vault-no-data-dir = não foi possível achar uma pasta de dados para o cofre
hint-no-data-dir = indique --vault PASTA ou defina PAMPHLET_VAULT
key-damaged = key.age está danificado
key-excessive-work = key.age pede um fator de trabalho scrypt de { $required }, mais do que este computador aceita (cerca de { $target })
key-io = não foi possível ler ou gravar key.age: { $reason }
key-other = as chaves do cofre: { $detail }
next-key-damaged = key.next.age, a nova chave de uma troca de chave interrompida, está danificado
next-key-excessive-work = key.next.age pede um fator de trabalho scrypt de { $required }, mais do que o pamphlet aceita dele ({ $target })
next-key-io = não foi possível ler key.next.age: { $reason }
hint-restore-vault-dir = o banco de dados já usa a chave de key.next.age; restaure a pasta inteira do cofre a partir de um backup
vault-wiped = o cofre foi apagado enquanto este comando era executado
hint-vault-wiped = não há mais nada para mudar; execute pamphlet init para começar um cofre novo, ou restaure a pasta do cofre a partir de um backup
record-id-taken = já existe uma ficha com o id { $id }
hint-edit-instead = altere-a com `pamphlet edit`, ou não informe o id
record-vanished = a ficha foi removida enquanto este comando rodava
hint-try-again = tente de novo
field-invalid = { $detail }
hint-check-flag = confira { $flag }; nada foi guardado

## Passphrases

prompt-vault-passphrase = Frase secreta do cofre:{" "}
prompt-new-passphrase = Nova frase secreta:{" "}
prompt-same-again = A mesma frase de novo:{" "}
prompt-bundle-passphrase = Frase secreta do pacote:{" "}
env-not-utf8 = { $name } não está em UTF-8
hint-env-utf8 = coloque nela a frase secreta como texto simples, ou use --passphrase-file
passphrases-differ = as duas frases secretas são diferentes; nada foi alterado
hint-type-again = digite a mesma frase secreta duas vezes
passphrase-empty = a frase secreta está vazia
hint-passphrase-words = um cofre precisa de uma frase secreta; algumas palavras sem relação entre si formam uma frase forte
passphrase-too-short = a frase secreta tem { $count ->
    [one] { $count } caractere
   *[other] { $count } caracteres
}; a de um cofre precisa de pelo menos { $min }
hint-passphrase-too-short = quem levar o computador pode tentar frases sem limite: use { $min } caracteres ou mais, por exemplo quatro palavras sem relação (ou acrescente --weak)
warning-short-passphrase = aviso: uma frase secreta tão curta pode ser adivinhada; algumas palavras sem relação são mais fortes
passphrase-file-unreadable = não foi possível ler o arquivo da frase secreta { $file }: { $reason }
hint-passphrase-file-unreadable = confira o nome dado a --passphrase-file
no-terminal-for-passphrase = nenhuma frase secreta foi dada e não há terminal para pedi-la
hint-passphrase-file = indique --passphrase-file ARQUIVO ou defina { $name }
cli-unlocking = abrindo…

## Records

cli-created = cofre criado em { $dir }
cli-no-changes = nenhuma mudança em "{ $name }" ({ $id })
cli-updated = { $name } atualizado ({ $id })
cli-removed = { $name } removido ({ $id })
cli-no-match = nenhuma ficha corresponde a "{ $query }"
cli-more-matches = mostrando { $count } de { $total } resultados; --limit N mostra mais
cli-passphrase-changed = frase secreta alterada
cli-rekeyed = { $count ->
    [one] { $count } ficha selada com uma nova chave do cofre; o pamphlet não aceita mais o key.age antigo; faça uma cópia de segurança do novo (o banco de dados foi reescrito sem as cópias antigas; cópias fora do alcance do pamphlet, como backups, podem restar: veja SECURITY.md)
   *[other] { $count } fichas seladas com uma nova chave do cofre; o pamphlet não aceita mais o key.age antigo; faça uma cópia de segurança do novo (o banco de dados foi reescrito sem as cópias antigas; cópias fora do alcance do pamphlet, como backups, podem restar: veja SECURITY.md)
}
cli-rekeyed-copies-kept = { $count ->
    [one] { $count } ficha selada com uma nova chave do cofre; o pamphlet não aceita mais o key.age antigo; faça uma cópia de segurança do novo
   *[other] { $count } fichas seladas com uma nova chave do cofre; o pamphlet não aceita mais o key.age antigo; faça uma cópia de segurança do novo
}
warning-old-copies-disk-full = aviso: a alteração foi salva, mas as cópias antigas que ela substituiu ainda estão nos arquivos do cofre, legíveis com a chave do cofre: não há espaço no disco para reescrever o banco de dados (ele precisa de tanto espaço livre quanto db/ ocupa). Libere espaço e depois rode qualquer comando do pamphlet que abra o cofre: as cópias antigas são removidas então
warning-old-copies-cannot = aviso: a alteração foi salva, mas as cópias antigas que ela substituiu ainda estão nos arquivos do cofre, legíveis com a chave do cofre: o banco de dados não pode ser reescrito onde está (este sistema de arquivos não troca duas pastas de uma vez, ou db é um link simbólico). Mantenha o cofre num sistema de arquivos Linux local como ext4, com db uma pasta comum: ali as cópias antigas são removidas na próxima abertura
warning-old-copies-failed = aviso: a alteração foi salva, mas as cópias antigas que ela substituiu ainda estão nos arquivos do cofre, legíveis com a chave do cofre: a reescrita do banco de dados falhou. Rode qualquer comando do pamphlet que abra o cofre para tentar de novo
query-too-long = a busca tem { $count } caracteres; ela pode ter no máximo { $max }
hint-query-too-long = busque menos palavras de cada vez
position-record = ficha { $n }
position-line = linha { $n }
json-syntax = { $file }: JSON inválido na linha { $line }, coluna { $column }: { $problem }
json-record-problem = { $file }: { $at }: { $problem }
json-duplicate-id = { $file }: { $at }: o id { $id } já foi usado em { $first }
hint-nothing-stored = nada foi guardado

## Wiping

wipe-word = APAGAR
prompt-wipe = Isto destrói para sempre o cofre em { $dir }. Digite { $word } para continuar:{" "}
wipe-no-terminal = não há terminal para confirmar
hint-wipe-yes = acrescente --yes para apagar sem perguntar
wipe-not-confirmed = nada foi apagado
hint-wipe-word = digite { $word } (ou WIPE) para apagar o cofre
cli-wiped = { $dir } apagado em { $ms } ms

## Bundles

export-passphrase-and-recipients = um pacote é cifrado com uma frase secreta ou para destinatários, não os dois
hint-passphrase-or-recipients = indique --bundle-passphrase-file ou --recipient, não os dois
export-nothing = nenhuma ficha corresponde a "{ $query }"; nada foi exportado
export-no-out = um pacote precisa de um arquivo onde ser gravado: indique --out ARQUIVO
print-nothing = nenhuma ficha corresponde a "{ $query }"; nada para imprimir
hint-search-first = teste antes as palavras com `pamphlet search`
cli-signing = assinando e cifrando { $count } fichas…
cli-exported = { $count ->
    [one] { $count } ficha exportada para { $file } (número { $sequence }, { $bytes } bytes)
   *[other] { $count } fichas exportadas para { $file } (número { $sequence }, { $bytes } bytes)
}
cli-your-fingerprint = sua impressão digital: { $fingerprint } (leia em voz alta para quem for importar o pacote)
expires-not-a-date = --expires "{ $text }" não é uma data
expires-too-far = a data de --expires está longe demais
hint-expires = indique o último dia em que o pacote pode ser importado, como AAAA-MM-DD
verify-signature = assinatura:
verify-good = válida
verify-signer = signatário:
verify-signer-trusted = { $name } ({ $fingerprint })
verify-signer-untrusted = sem confiança ({ $fingerprint })
verify-sequence = número:
verify-created = criado:
verify-expires = vence:
verify-records = fichas:
verify-selection = seleção:
verify-redacted = omitidos:
verify-import = importar:
verify-would-be-refused = seria recusado: { $why }
verify-next = próximo passo:
verify-next-trusted = `pamphlet import --dry-run { $file }` mostra o que mudaria; depois `pamphlet import { $file }`
verify-next-untrusted = `pamphlet import --dry-run { $file }` mostra o que mudaria; depois, se quem assinou ler para você { $fingerprint }: `pamphlet import --trust-fingerprint "{ $fingerprint }" { $file }`
default-signer-name = signatário { $fingerprint }
cli-dry-run-changed-nothing = teste: nada foi alterado
cli-dry-run-would-leave = { $count ->
    [one] teste: { $count } ficha sairia; nada foi gravado
   *[other] teste: { $count } fichas sairiam; nada foi gravado
}
cli-next-trust-fingerprint = próximo passo: peça a quem assinou que leia a impressão digital para você; se for { $fingerprint }, importe com `pamphlet import --trust-fingerprint "{ $fingerprint }" { $file }`
cli-dry-run-vault-limit = importação: seria recusada: levaria o cofre a { $after } registros, além do limite de { $limit } (--allow-large permite)
cli-now-trusting = agora você confia em { $name } ({ $fingerprint })
cli-imported = importado: { $summary }
cli-bundle-from = { $count ->
    [one] pacote nº { $sequence } de { $fingerprint }: { $count } ficha
   *[other] pacote nº { $sequence } de { $fingerprint }: { $count } fichas
}
bundle-not-a-bundle = não é um pacote do pamphlet: { $detail }
bundle-not-a-bundle-file = { $file } não é um pacote do pamphlet: { $looks }
bundle-too-big = { $file } não é um pacote do pamphlet: o arquivo tem { $bytes } bytes, mais que qualquer pacote ({ $max })
looks-json = parece um arquivo JSON de fichas
looks-csv = parece uma planilha (CSV)
looks-hsds = parece um pacote de dados HSDS
looks-empty = o arquivo está vazio
looks-other = um pacote é o arquivo cifrado que `pamphlet export` grava
hint-use-load = para adicionar as fichas dele, rode `pamphlet load { $file }`
hint-use-import-csv = para adicionar as linhas dele, rode `pamphlet import-csv { $file }`
hint-use-import-hsds = se for um .zip, descompacte-o; depois rode `pamphlet import-hsds` com a pasta dele
hint-not-a-bundle = peça a quem enviou o arquivo de pacote que `pamphlet export` gravou
bundle-needs-passphrase = este pacote é cifrado com uma frase secreta
hint-bundle-passphrase = indique --bundle-passphrase-file ARQUIVO, ou digite-a quando for pedida
bundle-not-for-us = este pacote não foi cifrado para a chave deste cofre
hint-not-for-us = peça a quem envia que exporte para o seu destinatário age (`pamphlet keys show`)
bundle-undecryptable = o pacote não se decifra: a frase secreta não é essa, ou o arquivo está danificado
hint-undecryptable = confira a frase secreta da reunião; se estiver certa, peça uma nova cópia do pacote
bundle-malformed = o pacote está malformado: { $detail }
hint-bundle-damaged = peça a quem enviou uma nova cópia do pacote; nada foi importado
redact-unknown = não é possível omitir "{ $field }"; podem ser omitidos address, phones, email, website, notes
hint-redact = dê a --redact uma lista separada por vírgulas, como address,notes
bundle-newer = o pacote tem o formato { $found }; este pamphlet não consegue lê-lo
hint-upgrade-bundle = instale um pamphlet mais novo para ler este pacote; nada foi importado
bundle-bad-signature = a assinatura de { $part } não confere: o pacote foi alterado depois de assinado
bundle-mismatch = o índice não corresponde às fichas: { $detail }
bundle-invalid-record = uma ficha do pacote é inválida: { $detail }
bundle-untrusted = o pacote foi assinado por uma chave em que você não confia (impressão digital { $fingerprint })
hint-untrusted = compare a impressão digital com quem assinou, em voz alta; `pamphlet import --dry-run` mostra o que o pacote traz; se a impressão digital for dessa pessoa, importe com --trust-fingerprint "{ $fingerprint }"
bundle-bad-fingerprint = "{ $text }" não é uma impressão digital
hint-fingerprint-form = uma impressão digital são cinco grupos de quatro algarismos e letras de A a F, como "A75A AA8D 588F 3507 6771"; espaços e maiúsculas não importam
bundle-fingerprint-mismatch = quem assinou o pacote tem a impressão digital { $actual }, não { $given }; ninguém passou a ter sua confiança e nada foi importado
hint-fingerprint-mismatch = peça a quem assina que leia de novo a impressão digital na própria tela; se continuar diferente, o pacote não é dessa pessoa
bundle-replayed = este pacote é o número { $sequence } de { $signer }, mas o número { $last_seen } já foi importado: alguém repassou um pacote antigo?
hint-replayed = peça a quem assina o pacote mais novo; nada foi importado
bundle-expired = o pacote venceu em { $day }
hint-expired = peça a quem assina um pacote mais novo; nada foi importado
bundle-bad-recipient = não é um destinatário age: { $text }
hint-recipient = um destinatário age começa com age1; `pamphlet keys show` mostra o seu
bundle-excessive-work = a frase secreta do pacote pede um fator de trabalho scrypt de { $log_n }, mas o pamphlet abre pacotes de no máximo { $max }
hint-excessive-work = abri-lo ocuparia { $memory } de memória; peça a quem enviou que o exporte de novo com o pamphlet, ou para o seu destinatário age (`pamphlet keys show`)
bundle-too-large = o pacote é grande demais: { $detail }
hint-bundle-too-large = um pacote leva no máximo 200.000 registros e 160 MiB: peça a quem enviou que o divida com buscas mais estreitas, por cidade ou necessidade
bundle-vault-limit = importá-lo levaria o cofre a { $after } registros, além do limite de { $limit }
hint-allow-large = use --allow-large para importá-lo mesmo assim: cada registro fica na memória e é buscado a cada tecla

## Keys

keys-signing-key = chave de assinatura (minisign)
keys-age-recipient = destinatário age
keys-fingerprint = impressão digital
keys-none-yet = você ainda não confia em nenhum signatário; adicione um com `pamphlet keys trust NOME CHAVE`
keys-list-line = { $last ->
    [0] { $name }  { $fingerprint }  (último pacote: nenhum)
   *[other] { $name }  { $fingerprint }  (último pacote: nº { $last })
}
keys-name-empty = uma chave de confiança precisa de um nome
hint-keys-name = dê um nome que você reconheça, como "Rosa (Portland)"
keys-not-a-key = não é uma chave pública minisign
hint-keys-copy = copie a linha `chave de assinatura` que `pamphlet keys show` mostra (RW…)
keys-name-taken = você já confia em uma chave chamada "{ $name }"
keys-already-trusted = você já confia nesta chave com o nome "{ $name }"
keys-no-such-name = nenhuma chave de confiança chamada "{ $name }"
hint-keys-list = `pamphlet keys list` mostra os nomes
cli-untrusted = você não confia mais em { $name }
keys-secret-to-terminal = uma chave secreta não é mostrada no terminal
hint-secret-to-file = redirecione-a para um arquivo em um disco cifrado, ou acrescente --force
warning-secret-identity = aviso: esta é a sua identidade age secreta; quem a tiver pode abrir os pacotes enviados a você

## Spreadsheets and data packages

cli-wrote-hsds = { $count } serviços gravados em { $dir } ({ $files } arquivos, pacote de dados tabular HSDS 3.0)
warning-hsds-addresses = aviso: addresses.csv deixa vazio o que o HSDS 3.0 exige: { $rows ->
    [one] postal_code na sua única linha
   *[other] postal_code em todas as { $rows } linhas
} (o pamphlet não guarda CEPs){ $without_street ->
    [0] {""}
    [one] { $rows ->
        [one] {" "}e address_1 nela
       *[other] {" "}e address_1 em 1 delas
    } (fichas com cidade, região ou país mas sem rua)
   *[other] {" "}e address_1 em { $without_street } delas (fichas com cidade, região ou país mas sem rua)
}; os validadores de HSDS vão marcar essas células
cli-read-services = { $count ->
    [one] { $count } serviço lido; { $summary }
   *[other] { $count } serviços lidos; { $summary }
}
hsds-missing-table = { $dir } não tem { $file }; é um pacote de dados tabular HSDS?
hsds-problem = { $detail }
hint-hsds-dir = indique a pasta que `pamphlet export-hsds` gravou
cli-rows-have-problems = { $count } de { $rows } linhas têm problemas:
csv-rows-have-problems = { $count } de { $rows } linhas têm problemas
hint-csv-fix-rows = corrija as linhas acima e rode import-csv de novo; nada foi guardado
csv-not-utf8 = a linha { $line } não está em UTF-8 (byte { $byte })
hint-csv-utf8 = salve a planilha como "CSV UTF-8" (ou converta-a com iconv) e tente de novo; nada foi guardado
csv-empty = o arquivo está vazio; era esperada uma linha de cabeçalho como `name,category,city,phone`
hint-csv-header = a primeira linha dá nome às colunas; só name e category são obrigatórias
csv-problem = { $detail }
csv-would-change = { $detail }
hint-csv-would-change = veja esse campo com `pamphlet show ID`, ou copie as fichas como JSON Lines com `pamphlet dump`
separator-tab = tabulação
cli-rows-ready = { $count ->
    [one] { $count } linha pronta (separador { $separator })
   *[other] { $count } linhas prontas (separador { $separator })
}
cli-columns = colunas: { $columns }
cli-ignored-columns = colunas ignoradas: { $columns }
cli-row-ready = {"  "}linha { $line }: { $name } [{ $category }] { $city }
cli-dry-run-stored-nothing = teste: nada foi guardado
cli-stored = guardado: { $summary }
cli-wrote-records = { $count ->
    [one] { $count } ficha gravada em { $file }
   *[other] { $count } fichas gravadas em { $file }
}
cli-wrote-sheet = { $count ->
    [one] folha de { $count } contato gravada em { $file }
   *[other] folha de { $count } contatos gravada em { $file }
}

## The terminal UI, seen from the command line

tui-no-terminal = a interface do pamphlet precisa de um terminal
hint-tui-no-terminal = abra o pamphlet em um terminal, ou use um comando como `pamphlet search`
tui-stopped = interrompido por { $signal }
hint-tui-stopped = abra o pamphlet de novo; o cofre ficou trancado
tui-terminal = o terminal falhou: { $reason }

## The printed sheet

sheet-default-title = Contatos de confiança
sheet-subtitle = Impresso em { $date } · { $count ->
    [one] { $count } contato
   *[other] { $count } contatos
}
sheet-subtitle-matching = Impresso em { $date } · { $count ->
    [one] { $count } contato
   *[other] { $count } contatos
} para “{ $query }”
sheet-defunct-left-out = { $count } já fechados omitidos
sheet-footer = Impresso em { $date } com o pamphlet. Confira antes de compartilhar: pessoas e lugares mudam.
sheet-no-city = Sem cidade
sheet-inactive = inativo
sheet-phone = telefone
sheet-category-lawyer = Advogados
sheet-category-clinic = Clínicas
sheet-category-therapist = Terapeutas
sheet-category-translator = Tradutores
sheet-category-bail_fund = Fundos de fiança
sheet-category-housing = Moradia
sheet-category-support_group = Grupos de apoio
sheet-category-other = Outros
sheet-fact-languages = Idiomas
sheet-fact-cost = Custo
sheet-fact-hours = Horário
sheet-fact-address = Endereço
sheet-fact-email = E-mail
sheet-fact-website = Site
sheet-fact-description = Sobre
sheet-fact-notes = Observações
sheet-fact-verified_on = Verificado

## How a search read its query
reading-optional = (opcionais: { $words })
reading-missing = nenhuma ficha menciona "{ $word }"
reading-speaks = fala { $language }
reading-word = "{ $word }"
reading-phrase = "{ $text }" exatamente assim
reading-filter = { $field }: { $value }
reading-excluded = sem "{ $text }"
search-read-as = entendido como: { $reading }
search-partial-heading = Correspondências parciais ({ $count } de { $total }), não com toda a busca:
select-partial-not-taken = { $count ->
    [one] { $count } ficha corresponde a parte da busca; só são levadas as fichas que correspondem à busca inteira
   *[other] { $count } fichas correspondem a parte da busca; só são levadas as fichas que correspondem à busca inteira
}
export-csv-nothing = nenhuma ficha corresponde a "{ $query }"; nenhuma ficha escrita
## The terminal UI

tui-key-help = ajuda
tui-key-wipe = apagar o cofre
tui-key-wipe-now = apagar, depois de digitar APAGAR
tui-key-keep-vault = manter o cofre
tui-key-unlock = abrir
tui-key-open = abrir
tui-key-category-filter = filtro por categoria
tui-key-city-filter = filtro por cidade
tui-key-add = adicionar
tui-key-edit = editar
tui-key-delete = apagar
tui-key-verified = verificada hoje
tui-key-export = exportar
tui-key-import = importar
tui-key-toggle = marcar
tui-key-open-import = abrir, importar
tui-key-choose-keep = o que manter
tui-key-save = salvar
tui-key-next-field = próximo campo
tui-key-previous-field = campo anterior
tui-key-yes-delete = sim, apagar
tui-key-no-keep = não, manter
tui-key-yes-discard = sim, descartar as mudanças
tui-key-keep-editing = não, continuar editando
tui-key-previous-result = resultado anterior
tui-key-next-result = próximo resultado
tui-key-previous-record = ficha anterior
tui-key-next-record = próxima ficha
tui-key-scroll-up = subir
tui-key-scroll-down = descer
tui-key-page-up = página anterior
tui-key-page-down = próxima página
tui-key-clear-passphrase = apagar a frase secreta digitada
tui-key-clear-search = limpar a busca, depois os filtros
tui-key-back-to-list = voltar à lista
tui-key-cancel = cancelar
tui-key-reject = recusar ou fechar
tui-key-close-help = fechar a ajuda
tui-key-backspace = apagar a letra antes do cursor
tui-key-delete-char = apagar a letra sob o cursor
tui-key-delete-word = apagar a palavra antes do cursor
tui-key-delete-to-start = apagar até o início do campo
tui-key-left = cursor à esquerda (numa escolha: a opção anterior)
tui-key-right = cursor à direita (numa escolha: a próxima opção)
tui-key-home = cursor no início
tui-key-end = cursor no fim
tui-key-lock = bloquear
tui-key-quit = sair
tui-key-letters = letras
tui-type-passphrase = digite a frase secreta (nunca aparece)
tui-type-search = buscam na hora (? abre a ajuda se a busca estiver vazia)
tui-type-secret-field = são digitadas no campo (frases secretas nunca aparecem)
tui-type-wipe = digite APAGAR ou WIPE (maiúsculas ou minúsculas) para destruir o cofre
tui-type-field = são digitadas no campo
tui-screen-unlock = Abrir
tui-screen-list = Busca e lista
tui-screen-detail = Ficha
tui-screen-form = Adicionar ou editar
tui-screen-confirm = Pergunta antes de apagar
tui-screen-discard = Pergunta antes de descartar
tui-screen-export = Exportar um pacote
tui-screen-import = Importar um pacote
tui-screen-wipe = Pergunta antes de apagar o cofre
tui-screen-help = Ajuda
tui-help-title = Ajuda — Esc fecha, ↑/↓ rolam
tui-help-here = { $screen } (esta tela)
tui-help-everywhere = Em todas as telas
tui-help-editing = Num campo de texto
tui-help-mouse-and-marks = Mouse e marcas
tui-help-mouse-key = mouse
tui-help-mouse = a roda rola; um clique escolhe uma ficha, um segundo clique a abre
tui-help-stale = não verificada nos últimos 6 meses, ou nunca: confira antes de encaminhar
tui-help-marks = As letras encontradas pela busca ficam destacadas. A tela se bloqueia sozinha quando nenhuma tecla é pressionada por um tempo.
tui-search-prompt = Buscar ›
tui-search-within = em { $filters }
tui-list-all = Todas as fichas
tui-list-results = Resultados de “{ $query }”
tui-list-searching = Buscando…
tui-list-empty = O diretório está vazio. ^A adiciona uma ficha; ^O importa um pacote.
tui-list-none = Nenhuma ficha corresponde. Esc limpa a busca; menos palavras, ou mais curtas, encontram mais.
tui-record = Ficha
tui-status-searching = buscando…
tui-status-legend = ! = a verificar · bloqueia após { $minutes } min
tui-status-count = { $shown } / { $total ->
    [one] { $total } ficha
   *[other] { $total } fichas
}
tui-status-partial = { $shown } mostradas de { $matching } / { $total ->
    [one] { $total } ficha
   *[other] { $total } fichas
}
tui-list-read-as = Entendido como: { $reading }
tui-list-none-in-full = Nenhuma ficha corresponde à busca inteira.
tui-list-fewer-words = Esc limpa a busca; menos palavras, ou mais curtas, encontram mais.
tui-list-partial-heading = Correspondem só a parte da busca ({ $count }); não podem ser escolhidas nem exportadas:
tui-status-part-match = { $count } em parte
tui-help-defunct = fechada: não existe mais, não encaminhe (no fim da lista)
tui-help-searching-title = Buscar
tui-help-searching = Digite palavras ou uma frase: advogada que fala inglês em são paulo. Palavras pequenas (que, em, de…) são opcionais; uma cidade, uma categoria ou "fala X" pedem isso. A linha acima da lista diz como a busca foi entendida. Filtros: city: cat: lang: tag: country: (em cinco idiomas: lang:francês, country:espanha), "palavras exatas", !palavra para deixar de fora. Se nada corresponde por inteiro, as correspondências parciais aparecem à parte e nunca são exportadas.

## The terminal UI: locked screen, questions, wiped

tui-locked-start = O diretório está bloqueado.
tui-locked = Bloqueado.
tui-locked-gone = As fichas não estão mais na memória.
tui-old-copies-disk-full = Suas alterações estão salvas, mas cópias antigas continuam nos arquivos do cofre: o disco está cheio demais para reescrever o banco de dados. Libere espaço e abra o cofre de novo: elas são removidas então.
tui-old-copies-cannot = Suas alterações estão salvas, mas cópias antigas continuam nos arquivos do cofre: este sistema de arquivos não permite reescrever o banco de dados no lugar (veja SECURITY.md).
tui-old-copies-failed = Suas alterações estão salvas, mas cópias antigas continuam nos arquivos do cofre: a reescrita do banco de dados falhou. Abra o cofre de novo para tentar outra vez.
tui-locked-idle = Bloqueado após { $minutes } min sem nenhuma tecla.
tui-passphrase-label = Frase secreta:
tui-unlocking = Abrindo… obter a chave leva um ou dois segundos.
tui-unlock-type = Digite a frase secreta e depois Enter.
tui-unlock-wrong = Frase secreta errada. Tente de novo.
tui-unlock-in-use = Outro pamphlet está usando o cofre. Feche-o e tente de novo.
tui-unlock-failed = Não foi possível abrir: { $reason }
tui-demo-passphrase = Diretório de teste: a frase secreta é “{ $passphrase }”.
tui-delete-title = Apagar?
tui-delete-question = Apagar “{ $name }”?
tui-delete-for-good = Ela sai deste cofre para sempre.
tui-discard-title = Descartar as mudanças?
tui-discard-not-saved = O que você digitou neste formulário não está salvo.
tui-discard-save-hint = ^S no formulário salva.
tui-discard-yes = descartar
tui-discard-yes-quit = descartar e sair
tui-wipe-title = Apagar o cofre?
tui-wipe-question = Destruir este cofre agora?
tui-wipe-for-good = Tudo o que ele contém se perde para sempre; não é preciso frase secreta.
tui-wipe-prompt = Digite { $word } e depois Enter:
tui-wipe-not-yet = Nada é destruído antes disso.
tui-wipe-type-word = Digite { $word } e depois Enter. Esc mantém o cofre.
tui-not-wiped = Não foi apagado: { $reason }
tui-wiped = O cofre foi apagado.
tui-wiped-any-key = Qualquer tecla sai.

## Records: field labels, words, plans

field-id = Id
field-name = Nome
field-organization = Organização
field-category = Categoria
field-description = Descrição
field-city = Cidade
field-region = Região
field-country = País
field-address = Endereço
field-phones = Telefone
field-email = E-mail
field-website = Site
field-languages = Idiomas
field-hours = Horário
field-cost = Custo
field-notes = Observações
field-tags = Etiquetas
field-verified_on = Verificado
field-status = Situação
field-updated_at = Atualizado
field-place = Local
field-source = Fonte
status-active = ativo
status-inactive = inativo
status-defunct = fechado

# A phone's kind, beside its number in a record's detail.
phone-kind-voice = voz
phone-kind-text = mensagens
phone-kind-cell = celular
phone-kind-fax = fax
phone-kind-video = vídeo
phone-kind-pager = pager
phone-kind-textphone = telefone de texto

# Languages a referral speaks, by ISO 639-1 code, in a record's detail.
language-am = amárico
language-ar = árabe
language-bg = búlgaro
language-ca = catalão
language-de = alemão
language-el = grego
language-en = inglês
language-es = espanhol
language-eu = basco
language-fa = persa
language-fr = francês
language-hi = híndi
language-ht = crioulo haitiano
language-it = italiano
language-ja = japonês
language-ko = coreano
language-nl = neerlandês
language-pa = panjabi
language-pl = polonês
language-ps = pashto
language-pt = português
language-ro = romeno
language-ru = russo
language-so = somali
language-ta = tâmil
language-ti = tigrínia
language-tl = tagalo
language-tr = turco
language-uk = ucraniano
language-ur = urdu
language-vi = vietnamita
language-wo = wolof
language-yo = iorubá
language-zh = chinês
verified-never = nunca
verified-stale = { $day } (a verificar: há mais de { $months } meses)
vouch-by = indicado por { $source }
vouch-source = { $name } (pacote nº { $sequence }, importado em { $day })
vouch-edited-here = editado aqui desde então
plan-new = nova
plan-updated = alterada
plan-unchanged = igual
plan-conflict = conflito
plan-added-here = adicionada aqui
plan-taking-bundle = fica a do pacote
plan-keeping-local = fica a local
import-summary = novas: { $new }, atualizadas: { $updated }, sem mudança: { $unchanged }, em conflito: { $conflicts }{ $kept ->
    [local] {" "}(as fichas locais foram mantidas)
    [bundle] {" "}(ficaram as fichas do pacote)
   *[none] {""}
}; fichas gravadas: { $written }

## The terminal UI: record, form

tui-detail-status = Situação: { $status }; não encaminhe.
tui-detail-stale-never = ! A verificar: nunca verificada.
tui-detail-stale = ! A verificar: verificada pela última vez em { $day } (há mais de { $months } meses).
tui-detail-vouched = Indicada por { $source }
tui-form-add = Adicionar uma ficha
tui-form-edit = Editar uma ficha
tui-form-keys = ^S salva, Esc cancela
tui-form-fields = Campos
tui-form-choose = escolher
tui-form-phone-n = Telefone { $n }
tui-hint-phone = número; tipo; nota — como +1 503 555 0100; text
tui-hint-choose = ←/→ para escolher
tui-hint-required = obrigatório
tui-hint-country = duas letras, como BR ou PT
tui-hint-languages = nomes ou códigos, separados por vírgula
tui-hint-tags = separadas por vírgula, como no-id, walk-in (\, = vírgula)
tui-hint-verified-on = AAAA-MM-DD, ou today

## The terminal UI: export and import dialogs

tui-label-records = Fichas
tui-label-encrypt-to = Cifrar para
tui-label-passphrase = Frase secreta
tui-label-again = De novo
tui-label-leave-out = Deixar de fora
tui-label-save-to = Salvar em
tui-label-to = Para
tui-label-file = Arquivo
tui-label-trust-as = Nome
tui-label-conflicts = Conflitos
tui-label-signed-by = Assinado por
tui-label-fingerprint = Impressão
tui-label-bundle = Pacote
tui-export-every-record = todas as fichas
tui-export-listed-by = listadas por “{ $query }”
tui-export-in = em { $within }
tui-export-listed-by-in = listadas por “{ $query }” em { $within }
tui-export-within-city = { $city }
tui-export-within-both = { $category } · { $city }
tui-export-to-passphrase = uma frase secreta de reunião
tui-export-to-keyring = pessoas do chaveiro
tui-export-no-recipients = Ninguém no chaveiro tem um destinatário age.
tui-export-keys = Assinado com a sua chave. Espaço marca uma caixa; Enter exporta.
tui-export-working = { $count ->
    [one] Assinando e cifrando { $count } ficha, depois gravando o arquivo… (com frase secreta leva um ou dois segundos)
   *[other] Assinando e cifrando { $count } fichas, depois gravando o arquivo… (com frase secreta leva um ou dois segundos)
}
tui-export-done = { $count ->
    [one] { $count } ficha exportada como pacote nº { $sequence } para { $file }.
   *[other] { $count } fichas exportadas como pacote nº { $sequence } para { $file }.
}
tui-export-carry = Leve-o à reunião; quem o importar verá a sua impressão digital. Enter ou Esc fecha.
tui-export-nothing = Nenhuma ficha está listada, então não há nada para exportar.
tui-export-short = Digite duas vezes uma frase secreta de reunião com pelo menos { $min } caracteres.
tui-export-differ = As duas frases secretas são diferentes. Digite de novo.
tui-export-no-recipient = Ninguém no chaveiro tem um destinatário age: use uma frase secreta de reunião (←/→ em Cifrar para).
tui-export-choose-recipient = Escolha pelo menos um destinatário com Espaço.
tui-export-no-path = Diga onde o pacote vai ficar.
tui-export-is-folder = { $file } é uma pasta: acrescente um nome de arquivo.
tui-export-exists = { $file } já existe. Enter de novo o substitui; mude o nome para mantê-lo.
tui-no-folder = Não existe a pasta { $dir }.
tui-no-file = Não existe o arquivo { $file }.
tui-not-exported = Não foi exportado: { $reason }
tui-import-ask-path = O caminho do pacote, depois Enter. Nada muda até você aceitar.
tui-import-ask-passphrase = Este pacote está cifrado com uma frase secreta de reunião. Digite-a e depois Enter.
tui-import-type-path = Digite o caminho do pacote.
tui-import-type-passphrase = Digite a frase secreta da reunião.
tui-import-undecryptable = Não foi possível decifrar: frase secreta errada ou arquivo danificado. Tente de novo, ou Esc.
tui-import-opening = Decifrando e conferindo a assinatura… (com frase secreta leva um ou dois segundos)
tui-import-importing = Importando…
tui-import-unknown-signer = alguém que não está no seu chaveiro
tui-import-bundle-made = nº { $sequence }, feito em { $day }
tui-import-bundle-expires = { $made }, vence em { $day }
tui-import-counts = { $count } — novas { $new }, alteradas { $updated }, iguais { $unchanged }, em conflito { $conflicts }
tui-import-compare = Compare esta impressão digital com quem assinou, em voz alta. Aceitar passa a confiar nessa pessoa.
tui-import-keep-local = manter as fichas locais
tui-import-take-bundle = ficar com as fichas do pacote
tui-import-tab-switches = Tab alterna
tui-import-review-keys = Enter aceita, de uma vez. Esc recusa, sem mudar nada.
tui-import-changes = O que muda ({ $count }) ─ ↑/↓ rola
tui-import-no-changes = Nada: todas as fichas estão como aqui.
tui-import-name-signer = Compare a impressão digital em voz alta e digite um nome para confiar em quem assinou.
tui-import-name-taken = O chaveiro já tem alguém chamado “{ $name }”. Escolha outro nome.
tui-import-refused = Recusado.
tui-import-refused-keys = Enter tenta outro arquivo; Esc fecha.
tui-import-done-keys = As fichas já podem ser buscadas. Enter ou Esc fecha.
tui-imported = Importado: { $summary }.
tui-imported-trusting = Importado: { $summary }. Agora você confia em { $name } ({ $fingerprint }).
tui-refused = { $reason } { $hint }
tui-refused-no-hint = Nada foi importado.
tui-refused-not-for-us = Peça a quem enviou que o exporte para o seu destinatário age (`pamphlet keys show`). Nada foi importado.
tui-refused-replayed = Peça a quem assinou o pacote mais recente. Nada foi importado.
tui-refused-expired = Peça a quem assinou um pacote novo. Nada foi importado.
tui-refused-tampered = Não use este arquivo; avise quem assinou. Nada foi importado.
tui-refused-excessive-work = Peça a quem enviou que o exporte de novo com o pamphlet, ou para o seu destinatário age. Nada foi importado.
tui-refused-too-large = Peça a quem enviou que o divida com buscas mais específicas. Nada foi importado.
tui-refused-vault-limit = Esta tela não pode importá-lo; a linha de comando pode, se for isso mesmo: pamphlet import --allow-large ARQUIVO. Nada foi importado.

## The terminal UI: notices

tui-saved = “{ $name }” salva.
tui-saved-not-listed = “{ $name }” salva. A busca não a lista: Esc limpa a busca.
tui-no-changes = Nenhuma mudança em “{ $name }”.
tui-not-saved = Não foi salva: { $reason }
tui-nothing-changed = Nada foi mudado.
tui-nothing-deleted = Nada foi apagado.
tui-nothing-exported = Nada foi exportado.
tui-nothing-imported = Nada foi importado.
tui-none-selected = Nenhuma ficha está selecionada.
tui-deleted = “{ $name }” apagada.
tui-not-deleted = Não foi apagada: { $reason }
tui-verified-already = “{ $name }” já está marcada como verificada hoje.
tui-verified-marked = “{ $name }” marcada como verificada hoje.
tui-not-marked = Não foi marcada: { $reason }

## How a search was read

query-notice-unknown-field = não existe o filtro `{ $field }:`, então o valor foi buscado em todo lugar (filtros: city:, cat:, lang:, tag:, country:)
query-notice-unclosed-quote = falta fechar uma aspa: a frase vai até o fim da busca
query-notice-unknown-category = nenhuma categoria se chama "{ $value }", então nada corresponde
query-notice-unknown-language = nenhum idioma se chama "{ $value }", então nada corresponde
query-notice-unknown-country = nenhum país se chama "{ $value }", então nada corresponde
query-notice-unsearchable = "{ $text }" não tem letras nem números para buscar, então foi ignorado

## What a record's fields accept

field-problem = campo `{ $field }`: { $problem }
input-required = é obrigatório
input-not-timestamp = { $text } não é um carimbo de data e hora RFC 3339 (como 2026-10-01T12:00:00Z)
input-not-uuid = { $text } não é um UUID
input-unknown-category = categoria desconhecida { $text } (esperada uma de: { $expected })
input-not-country = { $text } não é um código de país ISO 3166-1 de duas letras (como BR, PT, US)
input-not-language = { $text } não é um código de idioma ISO 639-1 (como en, es, fr)
input-not-date = { $text } não é uma data no formato AAAA-MM-DD
input-unknown-status = situação desconhecida { $text } (esperado active, inactive ou defunct)
input-phone-needs-number = um telefone precisa de um número
input-not-phone = { $text } não parece um número de telefone
input-unknown-phone-type = tipo de telefone desconhecido { $text } (esperado um de: { $expected })
input-too-many = tem { $count } itens; no máximo { $max } são aceitos
input-too-long = tem { $count } bytes; no máximo { $max } são aceitos
input-line-break = é de uma linha só, mas contém uma quebra de linha (U+{ $code })
input-tab = é de uma linha só, mas contém uma tabulação (U+0009)
input-control = contém o caractere de controle U+{ $code }
input-bidi = contém U+{ $code }, uma inversão de direção que faz o texto ser lido em outra ordem do que está gravado

## Configurações guardadas no cofre (`pamphlet settings`, F2 na interface de terminal)

# O nome de um idioma no próprio idioma, como uma lista de idiomas o mostra.
language-own-name = português
settings-language = idioma: { $language }
settings-language-auto = idioma: automático, conforme --lang ou, senão, LC_ALL, LC_MESSAGES ou LANG (agora: { $language })
settings-language-set = idioma definido como { $language }: o pamphlet o usa assim que o cofre é aberto, a menos que --lang indique outro
settings-language-unset = configuração de idioma removida: o pamphlet segue --lang ou, senão, LC_ALL, LC_MESSAGES ou LANG
tui-key-language = idioma
tui-key-choose-language = usar este idioma
tui-key-previous-choice = opção anterior
tui-key-next-choice = próxima opção
tui-screen-language = Idioma
tui-language-title = Idioma
tui-language-auto = automático ({ $language })
tui-language-note = Fica guardado no cofre. A tela de abertura vem antes de o cofre ser aberto, então segue --lang ou o idioma do sistema.
tui-language-not-saved = Não foi salvo: { $error }
