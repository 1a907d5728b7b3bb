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

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new, empty vault (refuses to touch an existing one)
    Init,
    /// Add one record and print its id
    Add(AddArgs),
    /// Add or replace records from a JSON array or JSON Lines file, all or nothing
    Load {
        /// The file to read, or - for standard input
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print every record as JSON Lines, in the form `load` takes
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
    Search {
        /// What to look for: words that must all match, like `clinic portland`
        #[arg(required = true, num_args = 1.., value_name = "QUERY")]
        query: Vec<String>,
        /// Show at most N results
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
        /// Print results as JSON Lines, best first
        #[arg(long)]
        json: bool,
    },
    /// Change the vault passphrase (rewrites only key.age)
    Passwd {
        /// Read the new passphrase from the first line of FILE
        #[arg(long, value_name = "FILE", env = "PAMPHLET_NEW_PASSPHRASE_FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
    /// Open the shipped sample directory in a throwaway vault
    Demo,
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
