//! commands (in progress)
