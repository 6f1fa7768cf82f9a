//! The `taxdoc` command-line interface.

fn main() {}
