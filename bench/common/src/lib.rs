//! Helpers every bench binary shares: finding the data folder and printing tables.

use std::path::PathBuf;

/// The `shared/` folder beside the repository (override with `PARALLAX_SHARED`).
pub fn shared_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PARALLAX_SHARED") {
        return PathBuf::from(dir);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// A plain-text table: a header row and rows of cells, columns padded to fit.
#[derive(Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headers.
    pub fn new(header: &[&str]) -> Table {
        Table {
            rows: vec![header.iter().map(|h| h.to_string()).collect()],
        }
    }

    /// Adds one row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Renders the table; the first column is left-aligned, the others right-aligned.
    pub fn render(&self) -> String {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|cell| cell.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for (i, row) in self.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if c == 0 {
                    out.push_str(&format!("{cell:<w$}", w = widths[c]));
                } else {
                    out.push_str(&format!("  {cell:>w$}", w = widths[c]));
                }
            }
            out.push('\n');
            if i == 0 {
                let total: usize = widths.iter().sum::<usize>() + 2 * columns.saturating_sub(1);
                out.push_str(&"-".repeat(total));
                out.push('\n');
            }
        }
        out
    }
}

/// Formats a ratio with three decimals.
pub fn f3(x: f64) -> String {
    format!("{x:.3}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_pads_columns() {
        let mut t = super::Table::new(&["system", "F1"]);
        t.row(vec!["parallax".into(), "0.975".into()]);
        assert_eq!(
            t.render(),
            "system       F1\n---------------\nparallax  0.975\n"
        );
    }
}
