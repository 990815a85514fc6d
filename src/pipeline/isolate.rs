//! The document boundary: a panic inside one document's pipeline is caught
//! there and becomes that document's error, so the rest of a batch goes on.
//!
//! The panic hook is process-wide. [`catch`] installs (once) a hook that
//! stays silent for panics caught here, keeping their message for the
//! document's error, and hands every other panic to the hook that was
//! there before, so a bug outside a document still reports as usual.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// True while this thread runs inside [`catch`].
    static INSIDE: Cell<bool> = const { Cell::new(false) };
    /// The message of the last panic caught on this thread.
    static MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f`; a panic inside it comes back as `Err(message)` (with the
/// source location when known) and prints nothing.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let was = INSIDE.with(|i| i.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    INSIDE.with(|i| i.set(was));
    result.map_err(|payload| MESSAGE.with(|m| m.borrow_mut().take()).unwrap_or_else(|| message(&*payload)))
}

fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if INSIDE.with(Cell::get) {
                let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
                let text = format!("{}{at}", message(info.payload()));
                MESSAGE.with(|m| *m.borrow_mut() = Some(text));
            } else {
                previous(info);
            }
        }));
    });
}

/// A panic payload as text (panics carry a `&str` or a `String`).
fn message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with no message".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message_and_place() {
        let r: Result<(), String> = catch(|| panic!("index {} out of range", 7));
        let e = r.err().unwrap_or_default();
        assert!(e.starts_with("index 7 out of range at src/pipeline/isolate.rs:"), "{e}");
        let e = catch(|| std::panic::panic_any(42u8)).err().unwrap_or_default();
        assert!(e.starts_with("a panic with no message"), "{e}");
    }

    #[test]
    fn values_pass_through_and_nesting_restores_the_flag() {
        assert_eq!(catch(|| 5), Ok(5));
        let inner = catch(|| catch(|| -> u8 { panic!("inner") }).is_err());
        assert_eq!(inner, Ok(true));
        assert!(!INSIDE.with(Cell::get));
    }

    #[test]
    fn panics_on_other_threads_are_not_caught_here() {
        let outside = std::thread::spawn(|| -> u8 { panic!("not ours") }).join();
        assert!(outside.is_err());
        assert!(MESSAGE.with(|m| m.borrow().is_none()));
    }
}
