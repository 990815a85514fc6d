//! The oxigraph store (in progress)
