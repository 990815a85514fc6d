//! Rendering DOT to SVG, PNG or PDF through Graphviz `dot`.

use std::io::Write;
use std::process::{Command, Stdio};

/// Graphviz is missing or failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("Graphviz `dot` is not installed: install it (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz), or export --format dot and render it elsewhere")]
    Missing,
    #[error("Graphviz `dot` failed: {0}")]
    Failed(String),
}

/// Runs `dot -T<format>` on DOT text.
pub fn render(dot: &[u8], format: &str) -> Result<Vec<u8>, RenderError> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                RenderError::Missing
            } else {
                RenderError::Failed(e.to_string())
            }
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(dot).map_err(|e| RenderError::Failed(e.to_string()))?;
    }
    let out = child.wait_with_output().map_err(|e| RenderError::Failed(e.to_string()))?;
    if !out.status.success() {
        return Err(RenderError::Failed(String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or("").to_owned()));
    }
    Ok(out.stdout)
}
