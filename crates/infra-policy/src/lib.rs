//! The plan gate: Rego policies evaluated in-process by regorus over
//! `terraform show -json` plan documents, an explicit allow-list of
//! exceptions (each with a reason and an owner), and the reports (table,
//! JSON, SARIF).
//!
//! The same `.rego` files run under `opa test` / `conftest`: the input of
//! every policy is the plan document itself, and each package's `deny` set
//! holds objects `{"id", "resource", "msg"}`.

mod allow;
mod engine;
mod report;

pub use allow::{AllowList, Exception};
pub use engine::{run_rego_tests, Finding, PolicySet, RegoTest, RuleMeta};
pub use report::{check, render_sarif, render_table, Allowed, Report, StackPlan, StackResult};

/// Errors of the plan gate (all are the user's to fix: a policy or an allow-list entry).
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("policy `{path}` does not load: {message}")]
    Load {
        path: std::path::PathBuf,
        message: String,
    },
    #[error("no policies (`*.rego`) in `{0}`")]
    NoPolicies(std::path::PathBuf),
    #[error("evaluating `{rule}` failed: {message}")]
    Eval { rule: String, message: String },
    #[error("allow-list `{path}`: {message}")]
    AllowList {
        path: std::path::PathBuf,
        message: String,
    },
}

/// Today's date as `YYYY-MM-DD` (UTC), or `INFRA_TODAY` when set (tests).
pub fn today() -> String {
    if let Ok(t) = std::env::var("INFRA_TODAY") {
        if !t.is_empty() {
            return t;
        }
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil_date(0), "1970-01-01");
        assert_eq!(super::civil_date(20_454), "2026-01-01");
        assert_eq!(super::civil_date(11_016), "2000-02-29");
    }
}
