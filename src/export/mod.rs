//! export (in progress)
