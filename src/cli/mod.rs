//! Command-line types (clap derive); behaviour lives in commands/ (in progress)
