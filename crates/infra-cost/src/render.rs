//! Text tables of estimates and comparisons (Markdown, so a PR comment can quote them).

use std::fmt::Write as _;

use crate::{Comparison, Estimate, Totals};

fn usd(x: f64) -> String {
    let neg = x < 0.0;
    let cents = (x.abs() * 100.0).round() as u64;
    let (whole, frac) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{}${grouped}.{frac:02}", if neg { "-" } else { "" })
}

/// Per stack, then per resource when `detail`; totals by region and
/// environment; the naive-baseline ratio; usage-based and unpriced resources.
pub fn render_estimates(estimates: &[Estimate], detail: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "| stack | region | resources priced | monthly | naive | unpriced |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|---:|---:|");
    for e in estimates {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            e.stack,
            e.region,
            e.lines.len(),
            usd(e.monthly),
            usd(e.naive_monthly),
            e.unpriced.len()
        );
    }
    if detail {
        for e in estimates.iter().filter(|e| !e.lines.is_empty()) {
            let _ = writeln!(s, "\n{}:", e.stack);
            let mut lines = e.lines.clone();
            lines.sort_by(|a, b| b.monthly.total_cmp(&a.monthly));
            for l in lines {
                let _ = writeln!(s, "  {:>12}  {}  ({})", usd(l.monthly), l.address, l.detail);
            }
        }
    }
    let t = Totals::of(estimates);
    let _ = writeln!(s);
    for (r, x) in &t.by_region {
        let _ = writeln!(s, "region {r}: {} per month", usd(*x));
    }
    for (env, x) in &t.by_environment {
        let _ = writeln!(s, "environment {env}: {} per month", usd(*x));
    }
    let _ = writeln!(
        s,
        "total: {} per month; the same capacity bought naively (x86 on-demand, gp2, peak sizes): {}{}",
        usd(t.monthly),
        usd(t.naive_monthly),
        t.ratio()
            .map(|r| format!(" (ratio {r:.2})"))
            .unwrap_or_default()
    );
    let usage: usize = estimates.iter().map(|e| e.usage_based.len()).sum();
    if usage > 0 {
        let mut kinds: Vec<&str> = estimates
            .iter()
            .flat_map(|e| e.usage_based.iter().map(|u| u.kind.as_str()))
            .collect();
        kinds.sort();
        kinds.dedup();
        let _ = writeln!(
            s,
            "usage-based, not estimated: {usage} resources ({})",
            kinds.join(", ")
        );
    }
    let unpriced: Vec<_> = estimates
        .iter()
        .flat_map(|e| e.unpriced.iter().map(move |u| (e, u)))
        .collect();
    if !unpriced.is_empty() {
        let _ = writeln!(s, "UNPRICED (not in the totals): {}", unpriced.len());
        for (e, u) in unpriced {
            let _ = writeln!(s, "  {} {}: {}", e.stack, u.address, u.reason);
        }
    }
    s
}

/// What a change adds or saves per month, per stack and resource.
pub fn render_compare(c: &Comparison) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "| stack | before | after | change |");
    let _ = writeln!(s, "|---|---:|---:|---:|");
    for st in c
        .stacks
        .iter()
        .filter(|st| st.delta != 0.0 || !st.changes.is_empty())
    {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {}{} |",
            st.stack,
            usd(st.before),
            usd(st.after),
            if st.delta > 0.0 { "+" } else { "" },
            usd(st.delta)
        );
    }
    for st in &c.stacks {
        for (a, b, h) in &st.changes {
            let d = h - b;
            let _ = writeln!(
                s,
                "  {}{:>11}  {} {a}",
                if d > 0.0 { "+" } else { "" },
                usd(d),
                st.stack
            );
        }
    }
    let verb = if c.delta > 0.0 {
        "adds"
    } else if c.delta < 0.0 {
        "saves"
    } else {
        "changes"
    };
    let _ = writeln!(
        s,
        "\nthis change {verb} {} per month ({} -> {})",
        usd(c.delta.abs()),
        usd(c.before),
        usd(c.after)
    );
    if !c.unpriced.is_empty() {
        let _ = writeln!(
            s,
            "UNPRICED in the new plans (not in the change): {}",
            c.unpriced.len()
        );
        for u in &c.unpriced {
            let _ = writeln!(s, "  {}: {}", u.address, u.reason);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn dollars() {
        assert_eq!(super::usd(1234567.891), "$1,234,567.89");
        assert_eq!(super::usd(-32.85), "-$32.85");
        assert_eq!(super::usd(0.0), "$0.00");
        assert_eq!(super::usd(999.999), "$1,000.00");
    }
}
