//! The allow-list: explicit exceptions to the policies, each with a reason
//! and an owner (and optionally an expiry date). Nothing is ever suppressed
//! silently: allowed findings are reported as such, expired entries stop
//! applying and are reported, unused entries are reported.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{Finding, PolicyError};

/// One exception (`[[exception]]` in `policy/exceptions.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    /// Rule id (e.g. `IAM_ADMIN_POLICY`).
    pub id: String,
    /// Resource address; `*` matches any run of characters.
    pub resource: String,
    /// Stack id pattern (`*` wildcards); default: every stack.
    #[serde(default = "any")]
    pub stack: String,
    /// Why this is acceptable (required, non-empty).
    pub reason: String,
    /// Who answers for it (required, non-empty).
    pub owner: String,
    /// `YYYY-MM-DD`; from that day on the exception no longer applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

fn any() -> String {
    "*".into()
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    exception: Vec<Exception>,
}

/// The loaded allow-list.
#[derive(Debug, Clone, Default)]
pub struct AllowList {
    pub entries: Vec<Exception>,
}

/// `*` matches any run of characters (including none); everything else literally.
pub fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && p[pi] != '*' && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            pi += 1;
            mark = ti;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

impl AllowList {
    /// Load and validate `path` (a missing file is an empty list). `known`
    /// rule ids: an entry naming another id is an error.
    pub fn load(path: &Path, known: &[String]) -> Result<Self, PolicyError> {
        if !path.exists() {
            return Ok(AllowList::default());
        }
        let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, known).map_err(|message| PolicyError::AllowList {
            path: path.to_path_buf(),
            message,
        })
    }

    pub fn parse(text: &str, known: &[String]) -> Result<Self, String> {
        let f: File = toml::from_str(text).map_err(|e| e.to_string())?;
        for (i, e) in f.exception.iter().enumerate() {
            let n = i + 1;
            if e.reason.trim().len() < 10 {
                return Err(format!(
                    "exception {n} (`{}` on `{}`) needs a reason (at least a sentence)",
                    e.id, e.resource
                ));
            }
            if e.owner.trim().is_empty() {
                return Err(format!(
                    "exception {n} (`{}` on `{}`) needs an owner",
                    e.id, e.resource
                ));
            }
            if e.resource.trim().is_empty() || e.resource.trim() == "*" {
                return Err(format!(
                    "exception {n} (`{}`) must name a resource (address or pattern), not everything",
                    e.id
                ));
            }
            if !known.is_empty() && !known.contains(&e.id) {
                return Err(format!(
                    "exception {n} names unknown rule `{}` (known: {})",
                    e.id,
                    known.join(", ")
                ));
            }
            if let Some(d) = &e.expires {
                if !valid_date(d) {
                    return Err(format!("exception {n}: expires `{d}` is not YYYY-MM-DD"));
                }
            }
        }
        Ok(AllowList {
            entries: f.exception,
        })
    }

    /// The first entry (index) that allows `finding` in `stack` today; expired entries never do.
    pub fn matching(&self, stack: &str, finding: &Finding, today: &str) -> Option<usize> {
        self.entries.iter().position(|e| {
            e.id == finding.id
                && glob(&e.resource, &finding.resource)
                && glob(&e.stack, stack)
                && e.expires.as_deref().is_none_or(|d| d > today)
        })
    }

    /// Entries whose expiry date has passed.
    pub fn expired(&self, today: &str) -> Vec<&Exception> {
        self.entries
            .iter()
            .filter(|e| e.expires.as_deref().is_some_and(|d| d <= today))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(id: &str, resource: &str) -> Finding {
        Finding {
            id: id.into(),
            resource: resource.into(),
            message: String::new(),
            policy: String::new(),
        }
    }

    #[test]
    fn globs() {
        assert!(glob("module.a.*", "module.a.aws_s3_bucket.this"));
        assert!(glob("*", ""));
        assert!(glob("a*c*e", "abcde"));
        assert!(!glob("a*c", "abcd"));
        assert!(glob("prod-*-global", "prod-us-east-1-global"));
        assert!(!glob("prod-*", "dev-us-east-1-global"));
    }

    #[test]
    fn entry_needs_reason_and_owner() {
        let no_reason = r#"[[exception]]
id = "X"
resource = "a.b"
reason = ""
owner = "team"
"#;
        assert!(AllowList::parse(no_reason, &[])
            .unwrap_err()
            .contains("reason"));
        let no_owner = r#"[[exception]]
id = "X"
resource = "a.b"
reason = "because we must, see ADR 17"
owner = " "
"#;
        assert!(AllowList::parse(no_owner, &[])
            .unwrap_err()
            .contains("owner"));
        let everything = r#"[[exception]]
id = "X"
resource = "*"
reason = "because we must, see ADR 17"
owner = "team"
"#;
        assert!(AllowList::parse(everything, &[])
            .unwrap_err()
            .contains("must name a resource"));
    }

    #[test]
    fn unknown_rule_and_bad_date_refused() {
        let t = r#"[[exception]]
id = "NOPE"
resource = "a.b"
reason = "because we must, see ADR 17"
owner = "team"
"#;
        assert!(AllowList::parse(t, &["X".into()])
            .unwrap_err()
            .contains("unknown rule"));
        let d = r#"[[exception]]
id = "X"
resource = "a.b"
reason = "because we must, see ADR 17"
owner = "team"
expires = "next year"
"#;
        assert!(AllowList::parse(d, &[]).unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn matches_until_expiry() {
        let t = r#"[[exception]]
id = "X"
resource = "module.a.*"
stack = "prod-*"
reason = "because we must, see ADR 17"
owner = "team"
expires = "2027-01-01"
"#;
        let a = AllowList::parse(t, &[]).unwrap();
        let f = finding("X", "module.a.aws_iam_role.this");
        assert_eq!(a.matching("prod-global-global", &f, "2026-12-31"), Some(0));
        assert_eq!(a.matching("prod-global-global", &f, "2027-01-01"), None);
        assert_eq!(a.matching("dev-global-global", &f, "2026-12-31"), None);
        assert_eq!(
            a.matching(
                "prod-global-global",
                &finding("Y", &f.resource),
                "2026-12-31"
            ),
            None
        );
        assert_eq!(a.expired("2027-01-02").len(), 1);
    }
}
