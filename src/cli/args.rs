//! The command line, as clap definitions only. Scripts depend on these names:
//! keep them stable.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// An encrypted, offline directory of referrals you trust.
///
/// With no command, opens the vault in the terminal UI. The passphrase is asked for without echo, or read from
/// --passphrase-file or PAMPHLET_PASSPHRASE.
#[derive(Debug, Parser)]
#[command(name = "pamphlet", version, about, long_about)]
pub struct Cli {
    /// The vault directory [default: the platform's data directory]
    #[arg(long, global = true, env = "PAMPHLET_VAULT", value_name = "DIR")]
    pub vault: Option<PathBuf>,

    /// Read the vault passphrase from the first line of FILE
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,

    /// In the terminal UI, lock after MINUTES without a key or a click
    #[arg(
        long,
        global = true,
        default_value_t = 5,
        value_name = "MINUTES",
        value_parser = clap::value_parser!(u64).range(1..=1440)
    )]
    pub lock_after: u64,

    /// The language of pamphlet's messages: en, es, fr or pt [default: the
    /// vault's setting once it is unlocked (`pamphlet settings language`),
    /// else LC_ALL, LC_MESSAGES or LANG, else English]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What `--lang` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    En,
    Es,
    Fr,
    Pt,
}

impl From<LangArg> for pamphlet::i18n::Lang {
    fn from(lang: LangArg) -> pamphlet::i18n::Lang {
        use pamphlet::i18n::Lang;
        match lang {
            LangArg::En => Lang::En,
            LangArg::Es => Lang::Es,
            LangArg::Fr => Lang::Fr,
            LangArg::Pt => Lang::Pt,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new, empty vault (refuses to touch an existing one)
    ///
    /// The passphrase must have at least 12 characters: whoever takes the laptop can try guesses against key.age
    /// offline, as many as they like, and scrypt only slows each guess down. Four or five unrelated words are long
    /// enough and easy to remember.
    Init {
        /// Accept a passphrase shorter than 12 characters
        #[arg(long)]
        weak: bool,
    },
    /// Add one record and print its id
    Add(AddArgs),
    /// Add or replace records from a JSON array or JSON Lines file, all or nothing
    Load {
        /// The file to read, or - for standard input
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print every record as JSON Lines (one JSON object per line), in the form `load` takes
    Dump,
    /// Print one record
    Show {
        /// The record's id, or any unique prefix of it
        id: String,
        /// Print the record as JSON
        #[arg(long)]
        json: bool,
    },
    /// Change fields of one record
    Edit(EditArgs),
    /// Remove one record
    Rm {
        /// The record's id, or any unique prefix of it
        id: String,
    },
    /// Search the directory
    #[command(after_long_help = SEARCH_HELP)]
    Search {
        /// What to look for: words or a sentence, like `clinic portland` or
        /// `lawyer who speaks french in paris`
        #[arg(required = true, num_args = 1.., value_name = "QUERY")]
        query: Vec<String>,
        /// Show at most N results
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
        /// Print results as JSON Lines, best first
        #[arg(long)]
        json: bool,
    },
    /// Change the vault passphrase (rewrites only key.age; `rekey` changes the vault key)
    Passwd {
        /// Read the new passphrase from the first line of FILE
        #[arg(long, value_name = "FILE", env = "PAMPHLET_NEW_PASSPHRASE_FILE")]
        new_passphrase_file: Option<PathBuf>,
        /// Accept a new passphrase shorter than 12 characters
        #[arg(long)]
        weak: bool,
    },
    /// Make a new vault key and seal every record under it (the passphrase stays)
    ///
    /// Every record, the keyring and the bundle sequence numbers are sealed anew under a new vault key, all or
    /// nothing, and key.age is replaced. Afterwards a copy of the old key.age, even with the passphrase, opens
    /// nothing in the vault: use this when a key.age (or a backup of it) may have been copied along with its
    /// passphrase. Older backups of key.age stop working too: back up the new one. Your signing key and age
    /// identity stay the same, so the people who trust you need do nothing. `passwd` changes only the
    /// passphrase.
    Rekey,
    /// Open the shipped sample directory in a throwaway vault
    Demo,
    /// Destroy the vault at once, beyond recovery (no passphrase needed)
    Wipe {
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// Your public keys, and the keyring of signers you trust
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Write a signed, encrypted bundle of records for a USB stick
    Export(ExportArgs),
    /// Decrypt a bundle and check its signature, importing nothing
    Verify {
        /// The bundle file
        file: PathBuf,
        #[command(flatten)]
        passphrase: BundlePassphrase,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
    },
    /// Show what a bundle would change, then apply it in one transaction
    Import(ImportArgs),
    /// Write an Open Referral HSDS 3.0 tabular data package (datapackage.json and CSV files)
    ExportHsds(ExportHsdsArgs),
    /// Read an HSDS 3.0 tabular data package into the vault, all or nothing
    ImportHsds {
        /// The package directory (holding datapackage.json, services.csv, …)
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Read records from a CSV spreadsheet, all or nothing, after a preview
    ///
    /// Only the `name` and `category` columns are required. Several phones go in one cell separated by `|`,
    /// each as NUMBER;TYPE;NOTE; languages and tags are separated by `,` `;` or `|` (languages also by `/`). A
    /// backslash before a separator or before another backslash makes it part of the value (`a\,b` is the one
    /// tag `a,b`); any other backslash is kept as typed.
    ImportCsv(ImportCsvArgs),
    /// Print records as CSV, one row per record, in the form import-csv takes
    ///
    /// A backslash goes before each separator or backslash inside a phone, language or tag (the tag `a,b` is
    /// written `a\,b`), so import-csv reads every record back exactly. A record that still would not read back
    /// is refused, and nothing is written.
    ExportCsv(ExportCsvArgs),
    /// Make a referral sheet to print for a meeting
    Print(PrintArgs),
    /// Show the vault's settings, or change one
    ///
    /// Settings are kept inside the vault, sealed like the records. `pamphlet settings language es` makes
    /// pamphlet speak Spanish once the vault is unlocked, in every command and in the terminal UI, unless --lang
    /// says otherwise; `auto` goes back to LC_ALL, LC_MESSAGES or LANG. The passphrase prompt comes before the
    /// vault is open, so it follows only --lang and the environment.
    Settings {
        #[command(subcommand)]
        command: Option<SettingsCommand>,
    },
    /// Print a completion script for a shell
    Completions {
        /// bash, zsh or fish (also elvish, powershell)
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print pamphlet's man page (roff), e.g. `pamphlet man > pamphlet.1`
    Man,
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Set the language pamphlet speaks once the vault is unlocked
    Language {
        /// en, es, fr or pt; auto to follow LC_ALL, LC_MESSAGES or LANG
        #[arg(value_enum)]
        language: LanguageSetting,
    },
}

/// What `settings language` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LanguageSetting {
    En,
    Es,
    Fr,
    Pt,
    Auto,
}

impl LanguageSetting {
    /// The language, or `None` for `auto`.
    pub fn lang(self) -> Option<pamphlet::i18n::Lang> {
        use pamphlet::i18n::Lang;
        match self {
            LanguageSetting::En => Some(Lang::En),
            LanguageSetting::Es => Some(Lang::Es),
            LanguageSetting::Fr => Some(Lang::Fr),
            LanguageSetting::Pt => Some(Lang::Pt),
            LanguageSetting::Auto => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Print your signing key, age recipient and fingerprint
    Show {
        /// Also draw the public keys as QR codes
        #[arg(long)]
        qr: bool,
    },
    /// List the signers you trust
    List {
        /// Print JSON Lines
        #[arg(long)]
        json: bool,
    },
    /// Trust a signer's minisign public key (RW…) under a name
    Trust {
        /// A name you will recognise, like "Rosa (Portland)"
        name: String,
        /// Their minisign public key, as `pamphlet keys show` prints it
        public_key: String,
        /// Their age recipient (age1…), to export bundles to them
        #[arg(long)]
        recipient: Option<String>,
    },
    /// Stop trusting a signer
    Untrust {
        /// The name given to `keys trust`
        name: String,
    },
    /// Print your age identity (a secret!) for the stock `age -d -i`
    ExportIdentity {
        /// Print even when standard output is a terminal
        #[arg(long)]
        force: bool,
    },
}

/// Where a bundle passphrase comes from (else a no-echo prompt).
#[derive(Debug, Default, Args)]
pub struct BundlePassphrase {
    /// Read the meeting passphrase from the first line of FILE
    #[arg(long, value_name = "FILE", env = "PAMPHLET_BUNDLE_PASSPHRASE_FILE")]
    pub bundle_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The bundle file to write
    #[arg(long, value_name = "FILE", required_unless_present = "dry_run")]
    pub out: Option<PathBuf>,
    /// List the records the bundle would hold, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Which records: a search query (all records when absent)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub passphrase: BundlePassphrase,
    /// Encrypt to this age recipient (age1…) (repeatable)
    #[arg(long = "recipient", value_name = "AGE1…")]
    pub recipients: Vec<String>,
    /// Encrypt to the recipients listed in FILE, one per line
    #[arg(long, value_name = "FILE")]
    pub recipients_file: Option<PathBuf>,
    /// Empty these fields in every record: address, phones, email, website, notes
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub redact: Vec<String>,
    /// Refuse the bundle after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub expires: Option<String>,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("trusting").args(["trust_signer", "trust_fingerprint"])))]
pub struct ImportArgs {
    /// The bundle file
    pub file: PathBuf,
    #[command(flatten)]
    pub passphrase: BundlePassphrase,
    /// Show the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Print the bundle, the plan and the outcome as one JSON object
    #[arg(long)]
    pub json: bool,
    /// Trust the bundle's signer (adds the key to the keyring)
    #[arg(long)]
    pub trust_signer: bool,
    /// Trust the bundle's signer only if their key has this fingerprint, as
    /// they read it to you ("A75A AA8D …"; spaces and case ignored)
    #[arg(long, value_name = "FINGERPRINT")]
    pub trust_fingerprint: Option<String>,
    /// The name to trust the signer under, with --trust-signer or
    /// --trust-fingerprint [default: "signer" and the fingerprint's first
    /// eight digits]
    #[arg(long, value_name = "NAME", requires = "trusting")]
    pub signer_name: Option<String>,
    /// Which side wins when both changed a record
    #[arg(long, value_enum, default_value_t = PreferArg::Local)]
    pub prefer: PreferArg,
    /// Let the import grow the vault past 200,000 records
    #[arg(long)]
    pub allow_large: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PreferArg {
    Local,
    Bundle,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(flatten)]
    pub fields: RecordFields,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The record's id, or any unique prefix of it
    pub id: String,
    #[command(flatten)]
    pub fields: RecordFields,
}

/// Record fields as flags. In `edit`, a flag given replaces that field (an
/// empty value clears it) and a list flag replaces the whole list.
#[derive(Debug, Default, Args)]
pub struct RecordFields {
    /// Person or service name
    #[arg(long)]
    pub name: Option<String>,
    /// lawyer, clinic, therapist, translator, bail_fund, housing, support_group or other
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long)]
    pub organization: Option<String>,
    #[arg(long)]
    pub description: Option<String>,
    #[arg(long)]
    pub city: Option<String>,
    #[arg(long)]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 code, like US or FR
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    /// NUMBER[;TYPE[;NOTE]], e.g. "+1 503 555 0100;text;ask for Ana" (repeatable)
    #[arg(long = "phone", value_name = "PHONE")]
    pub phones: Vec<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub website: Option<String>,
    /// ISO 639-1 code or name, like es or Spanish (repeatable)
    #[arg(long = "language", value_name = "LANGUAGE")]
    pub languages: Vec<String>,
    /// A tag, like no-id or walk-in (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub hours: Option<String>,
    #[arg(long)]
    pub cost: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
    /// When someone last checked this referral: YYYY-MM-DD, or "today"
    #[arg(long, value_name = "DATE")]
    pub verified_on: Option<String>,
    /// active, inactive or defunct
    #[arg(long)]
    pub status: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportHsdsArgs {
    /// The directory to write (created; must be empty unless --force)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Which records: a search query (all records when absent)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Empty these fields in every record: address, phones, email, website, notes
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub redact: Vec<String>,
    /// Write into DIR even if it holds files (same-named files are replaced)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportCsvArgs {
    /// The CSV file (comma, semicolon or tab separated), or - for standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Show the preview and store nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Print the preview as JSON Lines, one line per row
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportCsvArgs {
    /// Which records: a search query (all records when absent)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Write to FILE (owner-only) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long, requires = "out")]
    pub force: bool,
    /// List the records that would be written, and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct PrintArgs {
    /// Which records: a search query (all records when absent)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// html (to print from a browser), md or txt
    #[arg(long, value_enum, default_value_t = SheetFormat::Html)]
    pub format: SheetFormat,
    /// Write to FILE (owner-only) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long, requires = "out")]
    pub force: bool,
    /// The paper size the HTML asks the browser for
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
    /// The heading of the sheet [default: "Referrals we trust", in the chosen language]
    #[arg(long)]
    pub title: Option<String>,
    /// Leave out these fields: address, phones, email, website, notes
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub redact: Vec<String>,
    /// List the records the sheet would hold, and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SheetFormat {
    Html,
    Md,
    Txt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

/// The query language, for `search --help`.
const SEARCH_HELP: &str = "\
How a query is read:
  Words match whole words of a record, after case and accents are folded:
  the same word, its start (`port` finds Portland; any start for the word
  being typed), one typo in words of 5-8 letters and two from 9 letters (not
  on the first letter), or an abbreviation inside one word (`clnc` finds
  clinic). Letters scattered across words never match.
  Sentences work: small words (who, in, que, à, em, mit...) are optional;
  `speaks french`, `habla español` or a language's name ask for that
  language; a city of the directory asks for that city; a category word
  (lawyer, avocat, abogada, médico, terapeuta, Anwalt...) asks for that
  category. Every other word must match.
  \"a phrase\"      the words as written, together
  !word            leave out records with it
  city:NAME  cat:CATEGORY  lang:LANGUAGE  tag:TAG  country:COUNTRY
                   look in one field only; lang: and country: take a code
                   or a name in English, Spanish, French, Portuguese or
                   German (lang:francés, country:españa, country:\"estados
                   unidos\")
The line `read as:` shows how the query was understood. Records that match
all of it are listed first; when none does, the word no record has is named
and records that match part of it are listed apart, under their own heading.
export, print, export-csv and export-hsds take only the full matches.";
