//! Reference data (in progress)
