//! Seeing new builds: a store opened read-only reads the state it was
//! opened in, so `serve` notes the store's version (the newest modification
//! time among its files: a build appends to the log or adds files) and,
//! when it changes, reopens its own read-only view and retires its query
//! workers, which reopen theirs.

use oxigraph::store::Store;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// The newest modification time of the store's files.
pub fn version(dir: &Path) -> Option<SystemTime> {
    std::fs::read_dir(dir).ok()?.filter_map(Result::ok).filter_map(|e| e.metadata().ok()?.modified().ok()).max()
}

/// The store as `serve` reads it: reopened after a build when read-only.
pub struct Current {
    dir: PathBuf,
    /// A writable store (with --allow-update) is never reopened: it sees its own writes.
    writable: bool,
    open: Mutex<(Store, Option<SystemTime>)>,
}

impl Current {
    pub fn new(store: Store, dir: PathBuf, writable: bool) -> Self {
        let v = version(&dir);
        Self { dir, writable, open: Mutex::new((store, v)) }
    }

    /// The store, reopened first if a build has changed it (if reopening
    /// fails, mid-build say, the view in hand serves).
    pub fn get(&self) -> Store {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if !self.writable {
            let now = version(&self.dir);
            if now != open.1 {
                if let Ok(fresh) = Store::open_read_only(&self.dir) {
                    *open = (fresh, now);
                }
            }
        }
        open.0.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_follows_the_newest_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(version(dir.path()), None);
        std::fs::write(dir.path().join("a"), "x").unwrap_or_else(|e| panic!("{e}"));
        let first = version(dir.path());
        assert!(first.is_some());
        assert_eq!(version(&dir.path().join("missing")), None);
    }
}
