//! `taxdoc schema`: the JSON Schema of `read`'s output or of `file`'s input.

use std::io::{self, Write};

use tax_core::id::efaktur::EFakturInvoice;

use crate::cli::{SchemaArgs, SchemaKind};
use crate::exit::Outcome;
use crate::read::ReadRecord;

/// Prints the schema as pretty JSON.
pub(crate) fn run(args: &SchemaArgs) -> io::Result<Outcome> {
    let schema = match args.which {
        SchemaKind::Document => schemars::schema_for!(ReadRecord),
        SchemaKind::Invoice => schemars::schema_for!(EFakturInvoice),
    };
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &schema)?;
    writeln!(out)?;
    out.flush()?;
    Ok(Outcome::AllValid)
}
